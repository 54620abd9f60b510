"""``openai-rest files list|upload|retrieve|delete|download``."""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from typing import IO, Any, Iterator, Optional

from ._common import add_command, emit, human_size, make_client, table
from ._progress import progress, reading


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = add_command(commands, "files", _need_action, "list, upload, download, delete files")
    actions = group.add_subparsers(title="actions", metavar="ACTION")
    listing = add_command(actions, "list", list_files, "list your files")
    listing.add_argument("--purpose", help="only files with this purpose")
    upload = add_command(actions, "upload", upload_file, "upload a file (progress on a terminal)")
    upload.add_argument("path", help="the file to upload")
    upload.add_argument(
        "-p", "--purpose", default="assistants", help="fine-tune, batch, assistants... (assistants)"
    )
    for name, handler, summary in (
        ("retrieve", retrieve_file, "show a file's details"),
        ("delete", delete_file, "delete a file"),
        ("download", download_file, "download a file's content (progress on a terminal)"),
    ):
        action = add_command(actions, name, handler, summary)
        action.add_argument("file_id", help="the file id (file-...)")
    action.add_argument("-o", "--output", default="-", help="where to write it (- : stdout)")


def _need_action(args: argparse.Namespace) -> int:
    from ._common import CLIError

    raise CLIError("files: give an action: list, upload, retrieve, delete or download", 2)


def show(result: Any) -> None:
    files = result.get("data", [result])
    rows = [["ID", "SIZE", "PURPOSE", "CREATED", "FILENAME"]]
    for item in files:
        created = time.strftime("%Y-%m-%d %H:%M", time.localtime(item.get("created_at") or 0))
        size = human_size(item.get("bytes") or 0)
        rows.append([item["id"], size, str(item.get("purpose")), created, item["filename"]])
    table(rows)


def list_files(args: argparse.Namespace) -> int:
    params = {"purpose": args.purpose} if args.purpose else {}
    return emit(args, make_client(args).files(**params), show)


def upload_file(args: argparse.Namespace) -> int:
    client = make_client(args)
    with reading(args.path) as handle:
        result = client.files_upload(handle, purpose=args.purpose)
    return emit(args, result, show)


def retrieve_file(args: argparse.Namespace) -> int:
    return emit(args, make_client(args).files(args.file_id), show)


def delete_file(args: argparse.Namespace) -> int:
    result = make_client(args).files_delete(args.file_id)
    return emit(args, result, lambda r: print(f"deleted {r['id']}"))


@contextlib.contextmanager
def _sink(path: str) -> Iterator[IO[bytes]]:
    if path == "-":
        yield sys.stdout.buffer
        sys.stdout.flush()
        return
    with open(path, "wb") as handle:
        yield handle


def download_file(args: argparse.Namespace) -> int:
    client = make_client(args)
    total: Optional[int] = None
    if sys.stderr.isatty():  # the size, for the bar
        total = client.files(args.file_id).get("bytes")
    done = 0
    with _sink(args.output) as sink, progress(total, args.file_id) as bar:
        for chunk in client.files_content(args.file_id, stream=True):
            sink.write(chunk)
            done += len(chunk)
            bar.advance_to(done)
    if args.output != "-":
        print(f"wrote {args.output} ({human_size(done)})", file=sys.stderr)
    return 0
