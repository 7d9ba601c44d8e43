// The async-lens VS Code client (placeholder until the editor issue lands it).
export {};
