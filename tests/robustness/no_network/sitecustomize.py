"""Loaded at start-up of a program under test: any inet connection attempt ends it with code 97.

Local (AF_UNIX) sockets stay allowed: Qt may use them for its own plumbing.
"""

import os
import socket

EXIT_NETWORK_USED = 97
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _refuse(what, address):
    os.write(2, f"NETWORK USED: {what} {address!r}\n".encode())
    os._exit(EXIT_NETWORK_USED)


def _connect(self, address):
    if self.family == getattr(socket, "AF_UNIX", None):
        return _real_connect(self, address)
    _refuse("connect", address)


def _connect_ex(self, address):
    if self.family == getattr(socket, "AF_UNIX", None):
        return _real_connect_ex(self, address)
    _refuse("connect_ex", address)


def _sendto(self, *args):
    _refuse("sendto", args[-1])


socket.socket.connect = _connect
socket.socket.connect_ex = _connect_ex
socket.socket.sendto = _sendto
socket.create_connection = lambda address, *a, **k: _refuse("create_connection", address)
