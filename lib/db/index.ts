export * from './canonical';
export * from './database';
export * from './knowledge-version';
export * from './pages';
export * from './queries';
export * from './rows';
export * from './search-fields';
export * from './storage';
