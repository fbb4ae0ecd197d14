"""Every message a user can see about a file says what happened and what to do next."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from rtv_desktop import messages

# Imperatives the messages use to say what to do next.
ACTIONS = ("Check", "Choose", "choose", "Close", "Open", "open", "Save", "save", "Fix", "Type", "Ask", "Retype",
           "Correct", "Start", "Install", "Free", "Try", "try", "Restore", "discard", "send", "copy",
           "use")
ARGUMENTS = {"path": Path("plan.json"), "exc": PermissionError(13, "Permission denied"), "cap_bytes": 20 << 20,
             "offset": 7, "detail": "it holds 3,000 parts", "value": 1e300, "reason": "permission denied",
             "limit": 200_000, "original": "plan.json", "saved_at": "22 Nov 2026 14:05", "log_path": "/tmp/x.log"}
PUBLIC = [name for name, f in inspect.getmembers(messages, inspect.isfunction)
          if f.__module__ == messages.__name__ and not name.startswith("_") and not name.endswith("_summary")]


@pytest.mark.parametrize("name", PUBLIC)
def test_message_says_what_to_do(name):
    function = getattr(messages, name)
    text = function(*[ARGUMENTS.get(p, "plan.json") for p in inspect.signature(function).parameters])
    assert text.strip() and text.rstrip().endswith((".", "!", ":"))
    assert any(word in text for word in ACTIONS), text


def test_save_messages_name_the_file_and_reassure():
    for exc in (PermissionError(13, "denied"), OSError(28, "No space left on device"), OSError(5, "I/O error")):
        text = messages.save_failed(Path("plan.json"), exc)
        assert "plan.json" in text and "previous file is unchanged" in text
