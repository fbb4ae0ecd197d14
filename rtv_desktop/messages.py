"""User-facing messages in one place: each says what happened, where, and what to do."""

from __future__ import annotations

import errno
import math
from pathlib import Path


def save_failed(path: Path, exc: BaseException) -> str:
    """Why ``path`` could not be saved, and what to do about it."""
    where = f"'{path}'"
    if isinstance(exc, PermissionError):
        return (f"Could not save {where}: the file is open in another program (such as Excel), is marked "
                "read-only, or the folder is read-only. Close the file or choose another folder, then save again. "
                "Your work is still open and the previous file is unchanged.")
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return (f"Could not save {where}: the disk is full. Free some space or save to another drive. "
                "Your work is still open and the previous file is unchanged.")
    # A file missing inside the writer (not the folder) is reported as itself, below.
    if isinstance(exc, FileNotFoundError) and not Path(path).parent.is_dir():
        return f"Could not save {where}: the folder does not exist. Choose another folder."
    return (f"Could not save {where}: {exc}. Try another folder. "
            "Your work is still open and the previous file is unchanged.")


def will_not_save_over_read_workbook(path: Path) -> str:
    return (f"'{path.name}' is the workbook this scenario was read from. RtV Desktop never saves over a "
            "workbook it read (it may hold edits and sheets the app does not keep): choose another name.")


def not_a_number(text: str, example: str) -> str:
    shown = f"'{text}' is not a number" if text.strip() else "is empty"
    return f"{shown}. Type {example}."


def not_found(path: Path) -> str:
    return f"'{path}' does not exist. Check the name and folder."


def unknown_file_type(path: Path) -> str:
    return (f"'{path}' is not a file RtV Desktop can open: use a scenario file (.json) "
            "or an RtV workbook (.xlsx).")


def other_spreadsheet(path: Path) -> str:
    return (f"'{Path(path).name}' is a {Path(path).suffix.lower()} spreadsheet: RtV Desktop reads Excel workbooks. "
            "Open it in Excel or LibreOffice, save it as an Excel workbook (.xlsx) and open that.")


def not_an_rtv_workbook(path: Path) -> str:
    return (f"'{Path(path).name}' is not an RtV Desktop workbook: open a workbook exported by RtV Desktop "
            "(File > Export results to Excel), or start from File > New.")


def area_table_opened(path: Path) -> str:
    return (f"'{Path(path).name}' is a table, not a scenario: to add the areas it lists, use Import areas... "
            "on the Area & population page.")


def unknown_command(word: str, commands) -> str:
    return (f"'{word}' is not a command RtV Desktop knows ({', '.join(commands)}), nor a file to open. "
            "Check the spelling, or run 'rtv-desktop --help' for the commands.")


def unexpected_error(log_path: str) -> str:
    return (f"Something went wrong that RtV Desktop did not expect. Details are in the log file:\n{log_path}\n"
            "Your last saved file is unchanged. Please send the log file to your support contact.")


# Opening files. Each problem follows a summary naming the file, so it says what is wrong
# and what to do; ``where`` (line, cell or field) is added by the reader when known.

def cannot_open_summary(path) -> str:
    return f"'{path}' could not be opened"


def not_found_problem() -> str:
    return "the file does not exist. Check the name and folder, or choose the file again."


def is_a_folder_problem() -> str:
    return "this is a folder, not a file. Choose a scenario file (.json) or an RtV workbook (.xlsx) inside it."


def unreadable_problem(reason: str) -> str:
    return (f"the file could not be read ({reason}). Close it in any other program, check you may open it, "
            "or copy it to your own folder and open the copy.")


def empty_file_problem() -> str:
    return ("the file is empty. It may not have finished copying or saving: ask for it again, "
            "or open its .bak backup if there is one.")


def too_big_problem(cap_bytes: int) -> str:
    return (f"the file is larger than {cap_bytes / (1024 * 1024):.0f} MB, far larger than any scenario. "
            "Check you chose the right file.")


def binary_file_problem() -> str:
    return ("the file holds binary data, not scenario text. It may be damaged, or a different kind of file "
            "renamed to .json: choose the scenario file again, or open its .bak backup.")


def not_utf8_problem(offset: int) -> str:
    return (f"the file is not UTF-8 text (unreadable byte at position {offset}). Save it again from "
            "RtV Desktop, or from a text editor choosing the UTF-8 encoding.")


def truncated_json_problem() -> str:
    return ("the file ends part way through: it was probably cut short while being copied or saved. "
            "Ask for it again, or open its .bak backup.")


def invalid_json_problem(detail: str) -> str:
    return f"the text here is not valid JSON ({detail}). Fix it there, or save the scenario again from RtV Desktop."


def too_deep_problem() -> str:
    return ("the file is nested far too deeply to be a scenario (lists inside lists, hundreds of levels). "
            "Check you chose the right file.")


def not_a_scenario_problem() -> str:
    return ("the file is JSON but not an RtV Desktop scenario (expected an object with 'area', 'settings', "
            "'services' and 'interventions'). Choose a file saved by RtV Desktop.")


def number_not_finite() -> str:
    return "holds NaN ('not a number'), which the model cannot use. Type an ordinary number."


def number_too_large(value) -> str:
    if isinstance(value, float):
        shown = "infinity or a number beyond 1e308" if math.isinf(value) else f"{value:.3g}"
    else:
        shown = f"a number with {len(str(abs(value)))} digits"
    return f"holds {shown}, far larger than any model input. Type the intended number."


def number_too_long_problem() -> str:
    return ("the file holds a number thousands of digits long, far larger than any model input. "
            "Check you chose the right file.")


def too_many_values_problem(limit: int) -> str:
    return (f"the file holds more than {limit:,} values; a scenario holds a few thousand. "
            "Check you chose the right file.")


def bad_text_problem() -> str:
    return ("holds text with a broken character (an unpaired surrogate). Retype that text, "
            "or save the scenario again from RtV Desktop.")


def not_a_workbook_problem() -> str:
    return ("the file is not an Excel workbook (.xlsx), or it is damaged. Open it in Excel and save it "
            "again as an Excel Workbook (.xlsx), or ask for a new copy.")


def workbook_too_complex_problem(detail: str) -> str:
    return (f"the workbook is far larger inside than an RtV workbook ({detail}), so it was not opened. "
            "Start from the RtV template (rtv-desktop template OUT.xlsx) and copy your figures into it.")


# Saving.

def cannot_store_value(path, detail) -> str:
    return (f"Could not save '{path}': {detail} Correct it, then save again. "
            "Your work is still open and the previous file is unchanged.")


# Autosave and recovery.

def recovery_offer(original: str, saved_at: str) -> str:
    where = f"'{original}'" if original else "an unsaved scenario"
    return (f"RtV Desktop closed unexpectedly while {where} was open. Work saved automatically at {saved_at} "
            "can be restored. Restore it to carry on, or discard it to keep only your saved files.")


def recovery_unreadable(path) -> str:
    return (f"An automatic save could not be read ('{path}'); it was probably cut short. "
            "Your saved files are unchanged; discard it to stop this message.")


def price_year_typed(exported: str, typed: str) -> str:
    return (f"The price year was changed in the workbook from {exported} to {typed}, but typing it only relabels "
            f"the figures: every value is still in {exported} prices.\n\nRebase to {typed} prices with the GDP "
            f"deflator? Every money input (unit costs, costs per starter, fixed and set-up costs, the WELLBY value "
            f"and the value of a volunteer hour) is multiplied by the deflator for {typed} over the deflator for "
            f"{exported}; you see the factor before it is applied, and Undo takes it back.")


def price_year_kept(exported: str, typed: str) -> str:
    return (f"Kept {exported} prices: the price year {typed} typed in the workbook was not applied "
            "(Edit > Change price year rebases the figures)")
