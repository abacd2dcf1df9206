/** Thrown for bad usage or bad input: exit code 2 with a one-line reason. */
export class UsageError extends Error {}
