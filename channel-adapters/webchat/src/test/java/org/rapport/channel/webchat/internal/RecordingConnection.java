package org.rapport.channel.webchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A connection that keeps the frames sent to it. */
final class RecordingConnection implements Connection {

    final List<JsonNode> frames = new ArrayList<>();
    int closedWith;

    @Override
    public synchronized void send(String frame) {
        frames.add(Frames.parse(frame).orElseThrow());
    }

    @Override
    public void close(int code, String reason) {
        closedWith = code;
    }

    synchronized List<JsonNode> ofType(String type) {
        return frames.stream().filter(f -> f.path("type").asText().equals(type)).toList();
    }

    synchronized JsonNode last() {
        return frames.get(frames.size() - 1);
    }
}
