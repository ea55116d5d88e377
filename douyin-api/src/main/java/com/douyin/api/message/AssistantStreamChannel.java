package com.douyin.api.message;

/**
 * The Redis pub/sub channel of one streamed assistant answer ({@link MessageService#askAssistant}):
 * the message provider publishes it piece by piece, the gateway that asked relays it to its client
 * as Server-Sent Events. Each publication is a JSON object: {@code {"type":"delta","text":..}} for
 * each piece, then {@code {"type":"done","message":MessageDTO}} once the whole answer is stored,
 * each with {@code "seq"} (0, 1, 2, ...): a subscriber may receive them out of order (Redisson
 * calls listeners from a pool), and puts them back in order by it.
 */
public final class AssistantStreamChannel {

    public static final String DELTA = "delta";
    public static final String DONE = "done";

    private AssistantStreamChannel() {
    }

    public static String name(String streamId) {
        return "assistant:stream:" + streamId;
    }
}
