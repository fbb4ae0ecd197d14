"""Installed as sitecustomize.py in the Windows CPython that runs under Wine (never shipped).

Python 3.12's shutil.copy2 calls KERNEL32.CopyFile2 (Windows 8 and later), which Wine 8 does
not implement: Wine then aborts the whole process. Real Windows has it, so the app and its
tests stay as they are and only this interpreter is adjusted: without CopyFile2, copy2
copies with copyfile + copystat, as on Python 3.11.
"""

import _winapi

if hasattr(_winapi, "CopyFile2"):
    del _winapi.CopyFile2
