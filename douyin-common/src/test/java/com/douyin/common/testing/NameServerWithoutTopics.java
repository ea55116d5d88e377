package com.douyin.common.testing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.rocketmq.remoting.netty.NettyRemotingServer;
import org.apache.rocketmq.remoting.netty.NettyRequestProcessor;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.ResponseCode;

/**
 * A RocketMQ name server that knows no topic and no broker: every request is answered
 * TOPIC_NOT_EXIST. A consumer's client refuses to start when its name server cannot be reached at
 * all; against this one it starts, and never receives a message. A test then hands batches to the
 * consumer itself, without a broker and without taking a running system's events.
 */
public final class NameServerWithoutTopics implements AutoCloseable {

    private final ExecutorService answering = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "name-server-without-topics");
        thread.setDaemon(true);
        return thread;
    });
    private final NettyRemotingServer server;

    public NameServerWithoutTopics() {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setListenPort(0); // any free port
        server = new NettyRemotingServer(config);
        server.registerDefaultProcessor(new NettyRequestProcessor() {
            @Override
            public RemotingCommand processRequest(io.netty.channel.ChannelHandlerContext context, RemotingCommand request) {
                return RemotingCommand.createResponseCommand(ResponseCode.TOPIC_NOT_EXIST, "no topic here");
            }

            @Override
            public boolean rejectRequest() {
                return false;
            }
        }, answering);
        server.start();
    }

    /** One that is stopped when the JVM ends (for the Spring contexts of a test class and its subclasses, which stay cached as long). */
    public static NameServerWithoutTopics untilExit() {
        NameServerWithoutTopics nameServer = new NameServerWithoutTopics();
        Runtime.getRuntime().addShutdownHook(new Thread(nameServer::close));
        return nameServer;
    }

    /** For {@code rocketmq.name-server} or a client's setNamesrvAddr. */
    public String address() {
        return "127.0.0.1:" + server.localListenPort();
    }

    @Override
    public void close() {
        server.shutdown();
        answering.shutdownNow();
    }
}
