/**
 * WebSocket close codes the server uses. y-websocket 3.1 stops reconnecting on 4400–4499
 * (terminal: the client must not retry), and retries on anything else.
 */
export const CloseCode = {
  /** A frame over the 2 MiB limit (set by `ws` itself). */
  MessageTooBig: 1009,
  /** The server is shutting down or restarting: reconnect. */
  ServiceRestart: 1012,
  /** The frame did not decode as the y-websocket protocol. */
  BadMessage: 4400,
  /** The token was revoked while the socket was open. */
  Revoked: 4401,
  /** The token no longer grants access to this document. */
  Forbidden: 4403,
  /** The event or document was deleted. */
  Gone: 4404,
  /**
   * An update under a Yjs client id that another seat (participant or role link) wrote under
   * first on this document: nothing of it is applied. An honest client never sends one (each
   * page load has a new id); whoever reuses someone else's would hide their edits.
   */
  ClientIdTaken: 4409,
  /** The document is full (notes, clusters or bytes): the update that would pass it is refused. */
  DocumentFull: 4413,
  /** The document's stored state is damaged and cannot be read (the organiser is told). */
  Unreadable: 4422,
  /** The peer did not read its messages fast enough; it resyncs on reconnect. */
  SlowConsumer: 4500,
  /** The role's rights changed: reconnect to get the new mode. */
  Reauthorise: 4501,
  /** No pong within the keep-alive interval. */
  Timeout: 4502,
  /**
   * Too many sockets open for this token or address (normally refused before the upgrade with
   * 429; this is for sockets that opened at the same moment): reconnect later.
   */
  TooManySockets: 4503,
  /**
   * An update the server could not apply because it builds on changes the server does not
   * have: reconnect, and the sync handshake sends them in order.
   */
  Resync: 4504,
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]
