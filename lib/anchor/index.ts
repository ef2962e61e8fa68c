export * from './anchor';
export * from './describe';
export * from './graphemes';
export * from './normalize';
