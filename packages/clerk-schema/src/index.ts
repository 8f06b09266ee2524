export * from './dashboard.ts';
export * from './email.ts';
export * from './errors.ts';
export * from './ids.ts';
export * from './invitation.ts';
export * from './organization.ts';
export * from './query.ts';
export * from './validation.ts';
