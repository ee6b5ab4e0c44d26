"""A local TCP proxy that delays every byte by a fixed time each way, as an office network.

    python bench/latency_proxy.py --to 127.0.0.1:5432 [--listen 127.0.0.1:0] [--delay-ms 1]

Prints ``LISTENING host:port`` once ready, then forwards each connection to ``--to``:
whatever arrives from either side is written to the other ``--delay-ms`` after it
arrived (1 ms each way: a 2 ms round trip), in order and without waiting for the
previous chunk's delay (bytes in flight overlap, as on a wire).  Only loopback addresses
are accepted.  It stops by itself after ``--lifetime`` seconds (default one hour), or
when killed.  The benchmark runs its PostgreSQL figures through it a second time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import sys

LOOPBACK_ONLY = "the proxy only listens on and connects to loopback addresses"


def address(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    if not ipaddress.ip_address(host).is_loopback:
        raise argparse.ArgumentTypeError(f"{text}: {LOOPBACK_ONLY}")
    return host, int(port)


async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, delay: float) -> None:
    """Copy ``reader`` to ``writer``, each chunk ``delay`` seconds after it arrived."""
    loop = asyncio.get_running_loop()
    chunks: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

    async def read() -> None:
        while data := await reader.read(65536):
            chunks.put_nowait((loop.time() + delay, data))
        chunks.put_nowait((loop.time() + delay, b""))

    async def write() -> None:
        while True:
            due, data = await chunks.get()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if not data:
                break
            writer.write(data)
            await writer.drain()
        if writer.can_write_eof():
            writer.write_eof()

    try:
        await asyncio.gather(read(), write())
    except (ConnectionError, OSError):
        pass
    finally:
        writer.close()


async def serve(listen: tuple[str, int], target: tuple[str, int], delay: float, life: float):
    async def handle(client_reader, client_writer) -> None:
        try:
            server_reader, server_writer = await asyncio.open_connection(*target)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(
            pipe(client_reader, server_writer, delay),
            pipe(server_reader, client_writer, delay),
        )

    server = await asyncio.start_server(handle, *listen)
    host, port = server.sockets[0].getsockname()[:2]
    print(f"LISTENING {host}:{port}", flush=True)
    async with server:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(server.serve_forever(), timeout=life)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--to", type=address, required=True, help="host:port to forward to")
    parser.add_argument("--listen", type=address, default=("127.0.0.1", 0))
    parser.add_argument("--delay-ms", type=float, default=1.0, help="added each way")
    parser.add_argument("--lifetime", type=float, default=3600.0, help="seconds, then stop")
    args = parser.parse_args(argv)
    asyncio.run(serve(args.listen, args.to, args.delay_ms / 1000, args.lifetime))
    return 0


if __name__ == "__main__":
    sys.exit(main())
