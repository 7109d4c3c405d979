import { z } from 'zod';
import * as c from '../common';

const description =
  'Flowline connector: uploads, downloads, lists or deletes Azure Storage blobs (connection names an app setting).';

/** Flowline connector `flowline-blob`: Azure Blob Storage through `@azure/storage-blob`. */
export const blobStorageAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('BlobStorage'),
    inputs: z.looseObject({
      operation: c.ci('upload', 'download', 'list', 'delete', 'put', 'get'),
      connection: z.string().meta({
        description:
          'Name of the app setting with the connection string, or prefix of <name>__blobServiceUri / <name>__accountUrl for managed identity.',
      }),
      container: z.string(),
      blob: z.string().optional(),
      content: c.anyValue.optional().meta({
        description: 'upload: text, JSON, or {"$content-type", "$content"} with base64 bytes.',
      }),
      contentType: z.string().optional(),
      metadata: z
        .union([z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])), c.expression])
        .optional(),
      overwrite: c.booleanOrExpression.optional().meta({
        description:
          'upload: false writes only when the blob does not exist yet (If-None-Match: *). Default true.',
      }),
      createContainer: c.booleanOrExpression.optional(),
      prefix: z.string().optional(),
      maxResults: c.numberOrExpression.optional(),
      marker: z.string().optional(),
      retryPolicy: c.retryPolicy.optional().meta({ description: 'Retries of the call, as in Http.' }),
    }),
  })
  .meta({ title: 'BlobStorage', description });
