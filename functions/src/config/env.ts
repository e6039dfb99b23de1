/**
 * Environment variables are read through getters that fail loudly: a Lambda deployed without its configuration
 * should stop at cold start with the variable's name, not run with an empty table name.
 */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') {
    throw new Error(`Environment variable ${name} is not set`);
  }
  return value;
}

export function readEnv(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? fallback : value;
}
