// One pino logger per process; services derive children with their own bindings.
import { pino } from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" || process.env.VITEST ? "silent" : "info"),
  base: { service: process.env.SERVICE_NAME ?? "onceonly" },
});

export type Logger = typeof logger;
