export * from './client';
export * from './content-client';
export * from './content-protocol';
export * from './packs';
export * from './page-schemas';
export * from './protocol';
export * from './router';
export * from './schemas';
