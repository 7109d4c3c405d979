import { z } from 'zod';
import * as c from '../common';

/** Flowline connector (schema only): reads or writes Azure Blob Storage. */
export const blobStorageAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('BlobStorage'),
    inputs: z.looseObject({
      operation: c.ci('get', 'put', 'delete', 'list'),
      connection: z.string(),
      container: z.string(),
      blob: z.string().optional(),
      content: z.unknown().optional(),
      contentType: z.string().optional(),
    }),
  })
  .meta({
    title: 'BlobStorage',
    description: 'Flowline connector (schema only): reads or writes Azure Blob Storage.',
  });
