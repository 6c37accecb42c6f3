import type { Redis } from 'ioredis'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { RemoteSink } from '../sync/replication.js'
import type { BusLog, ControlMessage } from './types.js'

/** The kinds of message on a document's awareness channel. */
const AWARENESS = 0
/** "Send me your clients' states": an instance that just loaded the document. */
const QUERY = 1

type AwarenessSink = Pick<RemoteSink, 'applyRemoteAwareness' | 'localAwareness'>

/**
 * Redis pub/sub: one awareness channel per loaded document and one control channel. Every
 * message names the instance that sent it, so an instance skips its own. Pub/sub delivers at
 * most once, which suits awareness (renewed every 15 s) and is made up for after a reconnect.
 */
export class Channels {
  private readonly docs = new Map<string, Set<AwarenessSink>>()
  private applyControl: (message: ControlMessage) => Promise<void> = async () => undefined

  constructor(
    private readonly subscriber: Redis,
    private readonly publisher: Redis,
    private readonly controlChannel: string,
    private readonly instanceId: string,
    private readonly log: BusLog,
  ) {
    subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.receive(channel.toString(), message),
    )
  }

  async start(): Promise<void> {
    await this.subscriber.subscribe(this.controlChannel)
  }

  /** Listens to a document's awareness and asks the others for theirs; returns the leave. */
  joinDoc(channel: string, sink: AwarenessSink): () => void {
    let sinks = this.docs.get(channel)
    if (!sinks) {
      const created = new Set<AwarenessSink>()
      sinks = created
      this.docs.set(channel, created)
      this.subscriber.subscribe(channel).then(
        () => this.send(channel, QUERY),
        (error) => this.log.warn({ err: error }, 'subscribing to awareness failed'),
      )
    }
    const joined = sinks
    joined.add(sink)
    return () => {
      joined.delete(sink)
      if (joined.size > 0 || this.docs.get(channel) !== joined) return
      this.docs.delete(channel)
      this.subscriber.unsubscribe(channel).catch(() => undefined)
    }
  }

  publishAwareness(channel: string, update: Uint8Array): void {
    this.send(channel, AWARENESS, update)
  }

  onControl(apply: (message: ControlMessage) => Promise<void>): void {
    this.applyControl = apply
  }

  async broadcast(message: ControlMessage): Promise<void> {
    await this.applyControl(message)
    try {
      await this.publisher.publish(
        this.controlChannel,
        JSON.stringify({ from: this.instanceId, message }),
      )
    } catch (error) {
      // The others check their sockets again when they reconnect (Bus.onReconnect).
      this.log.warn({ err: error, type: message.type }, 'a control message did not reach Redis')
    }
  }

  /** After a reconnect: the others may have missed our clients' news, and we theirs. */
  refresh(): void {
    for (const [channel, sinks] of this.docs) {
      for (const sink of sinks) {
        const mine = sink.localAwareness()
        if (mine) this.send(channel, AWARENESS, mine)
      }
      this.send(channel, QUERY)
    }
  }

  private send(channel: string, kind: number, payload?: Uint8Array): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, this.instanceId)
    encoding.writeVarUint(encoder, kind)
    if (payload) encoding.writeVarUint8Array(encoder, payload)
    // Lost while Redis is away: renewals and the refresh after the reconnect make up for it.
    this.publisher
      .publish(channel, Buffer.from(encoding.toUint8Array(encoder)))
      .catch(() => undefined)
  }

  private receive(channel: string, message: Buffer): void {
    try {
      if (channel === this.controlChannel) this.receiveControl(message)
      else this.receiveAwareness(channel, message)
    } catch (error) {
      this.log.warn({ err: error, channel }, 'a message from Redis did not decode')
    }
  }

  private receiveControl(message: Buffer): void {
    const { from, message: control } = JSON.parse(message.toString()) as {
      from: string
      message: ControlMessage
    }
    if (from === this.instanceId || typeof control?.type !== 'string') return
    this.applyControl(control).catch((error) =>
      this.log.warn({ err: error, type: control.type }, 'a control message failed'),
    )
  }

  private receiveAwareness(channel: string, message: Buffer): void {
    const sinks = this.docs.get(channel)
    if (!sinks) return
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarString(decoder) === this.instanceId) return
    const kind = decoding.readVarUint(decoder)
    if (kind === AWARENESS) {
      const update = decoding.readVarUint8Array(decoder)
      for (const sink of sinks) sink.applyRemoteAwareness(update)
    } else if (kind === QUERY) {
      for (const sink of sinks) {
        const mine = sink.localAwareness()
        if (mine) this.send(channel, AWARENESS, mine)
      }
    }
  }
}
