// The async-lens language server: `async-lens-language-server --stdio` for any LSP editor, or
// started by the VS Code client over IPC. The connection picks its transport from the arguments
// (`--stdio`, `--node-ipc`, `--socket=N`) and watches `--clientProcessId`. Nothing here writes to
// stdout: in stdio mode that would corrupt the protocol.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
