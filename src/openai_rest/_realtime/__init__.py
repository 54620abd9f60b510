"""The Realtime API over one WebSocket: ``client.realtime_connect(model=...)``.

``_protocol`` holds what both faces share, pure (the URL and headers of the handshake, reading
frames into events, the convenience senders, the connection's state); ``_accumulate`` folds a
response's events; ``_async`` (aiohttp) and ``_sync`` (the same, driven from a background event
loop) are the thin I/O flavours. Nothing here loads until a connection is opened.
"""
