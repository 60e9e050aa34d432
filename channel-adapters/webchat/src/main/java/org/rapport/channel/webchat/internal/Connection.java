package org.rapport.channel.webchat.internal;

/** One open line to a visitor's browser: a WebSocket, or a long-poll queue. */
interface Connection {

    /** Queues one frame (a JSON text) to the visitor; never blocks on the network. */
    void send(String frame);

    /** Closes the line with a WebSocket close code and reason. */
    void close(int code, String reason);
}
