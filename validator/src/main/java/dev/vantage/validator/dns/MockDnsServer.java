package dev.vantage.validator.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * An authoritative DNS server for tests that answers every query from a {@link DnsRecords}, over
 * UDP and TCP on the same port (RFC 7766: TCP is mandatory, and clients retry there after a
 * truncated UDP answer). Start it with {@link #start}; {@link #close()} frees the ports and stops
 * every thread it started. A malformed packet is dropped without harming the listeners.
 *
 * <p>Per-perspective views: the validator's {@link DnsResolver} puts its vantage point's name in
 * an EDNS0 option of every query (code {@value Responder#PERSPECTIVE_OPTION}, the name in UTF-8),
 * and this server answers such a query from that perspective's view of the records
 * ({@link DnsRecords#view}); queries without the option see the shared records. To look through
 * a view by hand: {@code dig @127.0.0.1 -p 8053 +ednsopt=65001:<name in hex> TXT name}.
 *
 * <p>It keeps a bounded history of the queries it received, like pebble-challtestsrv's
 * {@code /dns-request-history}.
 */
public final class MockDnsServer implements AutoCloseable {

    /**
     * One query as received.
     *
     * @param time      when it arrived (the server's clock)
     * @param source    the client's address, without port
     * @param name      the queried name, as sent but without the final dot
     * @param type      the record type, for example {@code TXT}
     * @param transport {@code udp} or {@code tcp}
     * @param perspective the vantage point the query named, empty when it named none
     */
    public record Query(Instant time, String source, String name, String type, String transport,
                        String perspective) {
    }

    private static final System.Logger LOG = System.getLogger(MockDnsServer.class.getName());
    private static final int HISTORY_LIMIT = 1000;
    private static final int MAX_TCP_CONNECTIONS = 32;
    /** An idle TCP client is dropped after this, so a silent peer cannot pin a thread forever. */
    private static final int TCP_IDLE_MILLIS = 10_000;
    private static final int BIND_ATTEMPTS = 10;
    private static final int CLOSE_WAIT_SECONDS = 5;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Responder responder;
    private final Clock clock;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ExecutorService threads;
    private final Semaphore tcpSlots = new Semaphore(MAX_TCP_CONNECTIONS);
    private final Set<Socket> openConnections = ConcurrentHashMap.newKeySet();
    private final Deque<Query> history = new ArrayDeque<>();
    private volatile boolean closed;

    private MockDnsServer(DnsRecords records, Clock clock, DatagramSocket udp, ServerSocket tcp) {
        this.responder = new Responder(records);
        this.clock = clock;
        this.udp = udp;
        this.tcp = tcp;
        int id = INSTANCES.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "vantage-dns-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts a server on {@code bind} (port 0 picks a free port) with the system clock. */
    public static MockDnsServer start(DnsRecords records, InetSocketAddress bind) throws IOException {
        return start(records, bind, Clock.systemUTC());
    }

    /**
     * Starts a server listening on UDP and TCP at {@code bind}; with port 0 both transports get the
     * same free port.
     *
     * @param clock stamps the query history, so it follows the server's adjustable clock
     */
    public static MockDnsServer start(DnsRecords records, InetSocketAddress bind, Clock clock) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            DatagramSocket udp = new DatagramSocket(bind);
            ServerSocket tcp = new ServerSocket();
            try {
                tcp.setReuseAddress(true);
                tcp.bind(new InetSocketAddress(bind.getAddress(), udp.getLocalPort()), 64);
            } catch (IOException e) {
                udp.close();
                tcp.close();
                // With port 0 the free UDP port may be taken for TCP: pick another pair.
                if (!(e instanceof BindException) || bind.getPort() != 0) {
                    throw e;
                }
                last = e;
                continue;
            }
            MockDnsServer server = new MockDnsServer(records, clock, udp, tcp);
            server.threads.execute(server::serveUdp);
            server.threads.execute(server::acceptTcp);
            return server;
        }
        throw last;
    }

    /** The bound address; UDP and TCP share it. */
    public InetSocketAddress address() {
        return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    /** The bound port, useful after starting on port 0. */
    public int port() {
        return udp.getLocalPort();
    }

    /** The queries received so far, oldest first (at most the last 1000). */
    public List<Query> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** Forgets the query history. */
    public void clearHistory() {
        synchronized (history) {
            history.clear();
        }
    }

    /**
     * Stops both listeners, closes open TCP connections and frees the port. Returns once the
     * server's threads have ended: the JDK releases a socket blocked in receive or accept only when
     * that thread leaves the call, so waiting for them is what makes the port reusable at once.
     * Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        udp.close();
        closeQuietly(tcp);
        openConnections.forEach(MockDnsServer::closeQuietly);
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "DNS server threads still running after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                byte[] request = Arrays.copyOf(packet.getData(), packet.getLength());
                byte[] reply = handle(request, packet.getAddress(), "udp");
                if (reply != null) {
                    udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                }
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.DEBUG, "DNS over UDP: dropped a packet", e);
                }
            }
        }
    }

    private void acceptTcp() {
        while (!closed) {
            try {
                Socket socket = tcp.accept();
                if (!tcpSlots.tryAcquire()) {
                    closeQuietly(socket); // over the limit: refuse rather than queue
                    continue;
                }
                openConnections.add(socket);
                threads.execute(() -> serveTcp(socket));
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.DEBUG, "DNS over TCP: accept failed", e);
                }
            }
        }
    }

    /** RFC 7766 §8: each message is preceded by a two-octet length; a client may send several. */
    private void serveTcp(Socket socket) {
        try (socket) {
            socket.setSoTimeout(TCP_IDLE_MILLIS);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (!closed) {
                byte[] request = new byte[in.readUnsignedShort()];
                in.readFully(request);
                byte[] reply = handle(request, socket.getInetAddress(), "tcp");
                if (reply != null) {
                    out.writeShort(reply.length);
                    out.write(reply);
                    out.flush();
                }
            }
        } catch (EOFException | SocketException e) {
            // the client closed the connection, or close() did
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "DNS over TCP: connection dropped", e);
        } finally {
            openConnections.remove(socket);
            tcpSlots.release();
        }
    }

    /** The wire reply to one request, or null to stay silent (a packet that is not DNS). */
    private byte[] handle(byte[] request, InetAddress source, String transport) {
        Message query;
        try {
            query = new Message(request);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "DNS over " + transport + ": malformed query from " + source);
            return null;
        }
        record(query, source, transport);
        Message response;
        try {
            response = responder.respond(query);
        } catch (RuntimeException e) {
            // A record that cannot be encoded must not leave the client waiting for a timeout.
            LOG.log(System.Logger.Level.WARNING, "DNS: answering " + query.getQuestion() + " failed", e);
            response = responder.failure(query);
        }
        // Message.toWire(limit) drops what does not fit and sets TC (RFC 1035 §4.1.1), which makes
        // the client retry over TCP, where the limit is the 16-bit length prefix.
        int limit = transport.equals("udp") ? Responder.udpLimit(query) : 65535;
        return response.toWire(limit);
    }

    private void record(Message query, InetAddress source, String transport) {
        Record question = query.getQuestion();
        String name = question == null ? "" : question.getName().toString(true);
        String type = question == null ? "" : Type.string(question.getType());
        String perspective = Responder.perspective(query);
        Query entry = new Query(clock.instant(), source.getHostAddress(), name, type, transport,
                perspective == null ? "" : perspective);
        synchronized (history) {
            if (history.size() == HISTORY_LIMIT) {
                history.removeFirst();
            }
            history.addLast(entry);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing during shutdown: nothing useful to do with the failure
        }
    }
}
