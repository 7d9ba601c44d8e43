// The extension activates, registers its commands and settings, and starts its server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, SETTINGS, SETTINGS_SECTION } from '../../../../src/extension/registry';
import { activeExtension, EXTENSION_ID, openExample } from '../helpers';

describe('activation', () => {
  it('activates on a TypeScript file and starts the language server', async () => {
    await openExample('02-gather.ts');
    const extension = await activeExtension();
    assert.equal(extension.isActive, true);
    const pid = extension.exports.serverPid();
    assert.equal(typeof pid, 'number', 'the server process runs');
    assert.notEqual(pid, process.pid, 'the server is its own process');
  });

  it('registers every command of the registry, and the manifest contributes the same', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of Object.values(COMMANDS)) assert.ok(registered.has(command.id), `${command.id} is registered`);
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    assert.deepEqual(
      manifest.contributes.commands.map((command) => command.command).sort(),
      Object.values(COMMANDS).map((command) => command.id).sort(),
    );
  });

  it('contributes every setting with its default', () => {
    const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    for (const [key, schema] of Object.entries(SETTINGS)) {
      const inspected = configuration.inspect(key);
      assert.ok(inspected, `${SETTINGS_SECTION}.${key} is contributed`);
      assert.deepEqual(inspected.defaultValue, schema.default, `${SETTINGS_SECTION}.${key} default`);
    }
  });

  it('runs in the real VS Code 1.139.1 Node extension host', () => {
    assert.equal(vscode.version, '1.139.1');
    assert.equal(vscode.workspace.isTrusted, true, 'the development session is trusted');
    assert.ok(typeof process.versions.node === 'string');
  });
});
