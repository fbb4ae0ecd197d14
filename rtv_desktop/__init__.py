"""RtV Desktop: the value of person- and community-centred approaches, offline."""

__version__ = "0.1.0"
