import type { IPublishPacket, MqttClient } from 'mqtt';

// mqtt.js handles incoming packets strictly one at a time: it waits for
// `handleMessage`'s callback, then sends the PUBACK, then reads the next
// packet (build/lib/handlers/publish.js, client.js `work`). Holding that
// callback until the backend answers would stall every other message — and
// PINGRESP — behind one slow or failing alarm. `customHandleAcks` has the same
// one-at-a-time pump and only exists for MQTT 5, which Aedes does not speak.
//
// So the gateway releases the pump at once with a sentinel error (mqtt.js then
// skips its own PUBACK) and sends the PUBACK itself when the handler is done.
// A PUBACK is only valid on the connection that delivered the message: after a
// reconnect the broker redelivers every unacknowledged message (persistent
// session), so acknowledgements from an older connection are dropped.

const DEFERRED = new Error('onegrid: PUBACK deferred until the backend answered');

/** A received uplink plus what is needed to acknowledge it later. */
export interface Delivery {
  packet: IPublishPacket;
  /** The connection it arrived on; see `ack`. */
  connection: number;
}

export interface DeferredAcks {
  /** The current connection's number (it grows on every disconnect). */
  connection(): number;
  /** Sends the PUBACK for `delivery` if it is QoS 1 and its connection is still the current one; says whether it did. */
  ack(delivery: Delivery): boolean;
}

interface PacketSender {
  _sendPacket(packet: { cmd: 'puback'; messageId: number }, cb: (err?: Error) => void): void;
}

/** Takes over `client.handleMessage`: every publish goes to `onDelivery` and the pump moves on; QoS 1 PUBACKs wait for `ack()`. */
export function installDeferredAcks(client: MqttClient, onDelivery: (delivery: Delivery) => void): DeferredAcks {
  const sender = client as unknown as Partial<PacketSender>;
  if (typeof sender._sendPacket !== 'function') {
    throw new Error('device-gateway: this mqtt.js has no _sendPacket; src/deferredAck.ts must be adapted to it');
  }
  let connection = 0;
  client.on('close', () => {
    connection += 1;
  });
  client.handleMessage = (packet, callback) => {
    const delivery: Delivery = { packet, connection };
    try {
      onDelivery(delivery);
    } finally {
      // QoS 0 needs no PUBACK; QoS 2 (never subscribed to) completes normally.
      callback(packet.qos === 1 ? DEFERRED : undefined);
    }
  };
  return {
    connection: () => connection,
    ack(delivery) {
      const { qos, messageId } = delivery.packet;
      if (qos !== 1 || messageId === undefined) return false;
      if (delivery.connection !== connection || !client.connected) return false;
      (sender as PacketSender)._sendPacket({ cmd: 'puback', messageId }, () => undefined);
      return true;
    },
  };
}
