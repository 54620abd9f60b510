"""``openai-rest images generate PROMPT -o FILE``."""

from __future__ import annotations

import argparse
import base64

from ._common import CLIError, add_command, make_client, print_json, read_text, write_output


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = add_command(commands, "images", _need_action, "generate images")
    actions = group.add_subparsers(title="actions", metavar="ACTION")
    generate = add_command(
        actions,
        "generate",
        generate_image,
        "generate an image from a prompt",
        epilog='example:\n  openai-rest images generate "a lighthouse at dawn" -o lighthouse.png',
    )
    generate.add_argument("prompt", nargs="*", help="what to draw (default: standard input)")
    generate.add_argument("-o", "--output", required=True, help="image file to write (PNG)")
    generate.add_argument("-m", "--model", default="dall-e-3", help="(dall-e-3)")
    generate.add_argument("--size", default="1024x1024", help="(1024x1024)")
    generate.add_argument("--quality", help="standard or hd (dall-e-3), low..high (gpt-image-1)")


def _need_action(args: argparse.Namespace) -> int:
    raise CLIError("images: give an action: generate", 2)


def generate_image(args: argparse.Namespace) -> int:
    prompt = read_text(args.prompt, "prompt")
    client = make_client(args)
    params = {"quality": args.quality} if args.quality else {}
    result = client.images_generations(
        prompt=prompt, model=args.model, size=args.size, response_format="b64_json", **params
    )
    image = result["data"][0]
    if "b64_json" not in image:
        raise CLIError(f"the server sent no image data, only {sorted(image)}")
    write_output(args.output, base64.b64decode(image["b64_json"]))
    if args.json:
        print_json({k: v for k, v in image.items() if k != "b64_json"})
    return 0
