export { type App, createApp } from './app.ts';
export { type AppConfig, appConfig, configFromEnv } from './config.ts';
export { type AppDeps, createDeps } from './deps.ts';
export { ConfigError, loadEnv } from './env.ts';
export { type Listening, listen } from './listen.ts';
export { createLogger, type Logger } from './log.ts';
