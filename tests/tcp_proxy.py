"""A TCP proxy on loopback that a test can cut and restore, to play a database outage.

The shop connects to the proxy instead of PostgreSQL. `cut()` drops every live
connection (the server side hangs up, as when PostgreSQL restarts) and refuses new
ones; `restore()` listens again on the same port. The shared server is never touched.
"""

import contextlib
import socket
import threading

ACCEPT_POLL_SECONDS = 0.1
CHUNK = 65536


class TCPProxy:
    def __init__(self, upstream_host, upstream_port):
        self.upstream = (upstream_host, int(upstream_port))
        self.port = None
        self._listener = None
        self._acceptor = None
        self._sockets = set()
        self._lock = threading.Lock()

    def start(self):
        """Listen on loopback: a free port the first time, the same port after a cut."""
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port or 0))
        listener.listen(128)
        listener.settimeout(ACCEPT_POLL_SECONDS)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._acceptor = threading.Thread(target=self._accept, args=(listener,), daemon=True)
        self._acceptor.start()
        return self

    restore = start

    def cut(self):
        """Refuse new connections and hang up on every open one."""
        listener, self._listener = self._listener, None
        if listener is not None:
            _close(listener)  # shutdown() stops it listening at once, even mid-accept
            self._acceptor.join()
        with self._lock:
            sockets, self._sockets = self._sockets, set()
        for sock in sockets:
            _close(sock)

    stop = cut

    @property
    def listening(self):
        return self._listener is not None

    @property
    def open_connections(self):
        with self._lock:
            return len(self._sockets) // 2

    def _accept(self, listener):
        while self._listener is listener:
            try:
                client, _address = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # closed by cut()
            client.settimeout(None)
            self._connect(client, listener)

    def _connect(self, client, listener):
        try:
            upstream = socket.create_connection(self.upstream, timeout=5)
        except OSError:
            _close(client)
            return
        upstream.settimeout(None)
        with self._lock:
            live = self._listener is listener  # not cut while connecting
            if live:
                self._sockets |= {client, upstream}
        if not live:
            _close(client)
            _close(upstream)
            return
        for source, target in ((client, upstream), (upstream, client)):
            threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source, target):
        try:
            while data := source.recv(CHUNK):
                target.sendall(data)
        except OSError:
            pass
        finally:
            with self._lock:
                self._sockets -= {source, target}
            _close(source)
            _close(target)


def _close(sock):
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
