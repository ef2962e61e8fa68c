export * from './client';
export * from './packs';
export * from './protocol';
export * from './router';
export * from './schemas';
