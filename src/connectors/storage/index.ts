/** The Azure Storage connectors: BlobStorage, QueueStorage and TableStorage. */
export { blobConnector, blobStorageConnector } from './blob';
export { queueConnector, queueStorageConnector } from './queue';
export { tableConnector, tableStorageConnector } from './table';
export type { StorageOptions } from './clients';
