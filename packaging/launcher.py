"""Entry point of the frozen program: the same commands as ``rtv-desktop``."""

import multiprocessing

from rtv_desktop.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a no-op unless a worker process is ever started
    main()
