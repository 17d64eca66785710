import {
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

/**
 * A JSON-RPC message as LSP allows it: an object with `jsonrpc: "2.0"` and a method (request,
 * notification) or an id (response). Anything else is a protocol error.
 */
export function isWellFormed(message: unknown): message is Message {
  if (!message || typeof message !== 'object' || Array.isArray(message)) return false;
  const m = message as { jsonrpc?: unknown; method?: unknown; id?: unknown; params?: unknown };
  if (m.jsonrpc !== '2.0') return false;
  const idOk = m.id === undefined || m.id === null || typeof m.id === 'number' || typeof m.id === 'string';
  if (!idOk) return false;
  if (m.method !== undefined) return typeof m.method === 'string' && (m.params === undefined || (typeof m.params === 'object' && m.params !== null));
  return m.id !== undefined;
}

/** Wraps a reader so a malformed message is an error, like a frame that cannot be decoded. */
function strict<R extends StreamMessageReader | IPCMessageReader>(reader: R): R {
  const listen = reader.listen.bind(reader);
  reader.listen = (callback: DataCallback): Disposable =>
    listen((message) => {
      if (isWellFormed(message)) callback(message);
      else (reader as unknown as { fireError(e: Error): void }).fireError(new Error('malformed JSON-RPC message'));
    });
  return reader;
}

/** How long a frame may stay half-received before the stream counts as broken. */
const PARTIAL_MESSAGE_TIMEOUT_MS = Number(process.env.POLICYLINT_FRAME_TIMEOUT_MS) || 10_000;

/**
 * Reader and writer for --stdio and --node-ipc that end the process on a protocol error: a
 * frame without Content-Length, a body that is not JSON, a message that is not JSON-RPC, or
 * a frame left half-sent. vscode-jsonrpc logs such errors and reads on, and after some of
 * them its buffer never lines up with a frame again: the server stayed alive but deaf. An
 * exit lets the client restart it (VS Code does, up to five times in three minutes).
 */
export function strictTransport(kind: 'stdio' | 'node-ipc', exit: (reason: string) => void, closed: () => void): { reader: MessageReader; writer: MessageWriter } {
  const reader = strict(kind === 'stdio' ? new StreamMessageReader(process.stdin) : new IPCMessageReader(process));
  const writer = kind === 'stdio' ? new StreamMessageWriter(process.stdout) : new IPCMessageWriter(process);
  if (reader instanceof StreamMessageReader) reader.partialMessageTimeout = PARTIAL_MESSAGE_TIMEOUT_MS;
  // Given a reader, vscode-languageserver no longer watches stdin's end itself.
  reader.onClose(closed);
  reader.onError((error) => exit(`protocol error: ${error.message.split('\n')[0]}`));
  reader.onPartialMessage((info) => exit(`protocol error: a frame stayed incomplete for ${info.waitingTime} ms`));
  writer.onError(([error]) => exit(`cannot write to the client: ${error.message}`));
  return { reader, writer };
}
