package org.rapport.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds out before the framework boots whether the HTTP port can be bound. */
final class PortCheck {

    private PortCheck() {
    }

    /** Returns null when the port is free, else a one-line reason. */
    static String problem(int port) {
        if (port == 0) {
            return null;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return null;
        } catch (IOException e) {
            return "port " + port + " is already in use (or not allowed): " + e.getMessage()
                    + " - stop the other server or choose another port with --port N or RAPPORT_HTTP_PORT";
        }
    }
}
