// Worker thread entry for the CLI's pool (filled in with the pool).
export {};
