"""Images: generations, edits and variations (with the legacy singular aliases)."""

from __future__ import annotations

from .._endpoint import endpoint, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .._endpoint import Params
    from .._multipart import FileInput

_ALIAS = "a legacy alias; use images_{}"


def _edits(**extra: Any) -> Any:
    return post("/images/edits", files=("image", "mask"), positional=("image",), **extra)


def _variations(**extra: Any) -> Any:
    return post("/images/variations", files=("image",), positional=("image",), **extra)


class Images:
    @endpoint(post("/images/generations"))
    def images_generations(self, params: Params = None, /, **options: Any) -> Any:
        """Create images from a prompt: ``images_generations(prompt=..., model=...)``.

        Generation can take a minute or more: keep the read timeout generous.
        """

    @endpoint(_edits())
    def images_edits(self, file: FileInput, params: Params = None, /, **options: Any) -> Any:
        """Edit an image: ``images_edits("in.png", prompt=..., mask="mask.png")``.

        ``file`` is sent as the ``image`` part; ``mask`` (optional) as a file too.
        """

    @endpoint(_variations())
    def images_variations(self, file: FileInput, params: Params = None, /, **options: Any) -> Any:
        """Create variations of an image: ``images_variations("in.png", n=2)``."""

    @endpoint(post("/images/generations", deprecated=_ALIAS.format("generations")))
    def image_generations(self, params: Params = None, /, **options: Any) -> Any:
        """Legacy alias of ``images_generations``."""

    @endpoint(_edits(deprecated=_ALIAS.format("edits")))
    def image_edits(self, file: FileInput, params: Params = None, /, **options: Any) -> Any:
        """Legacy alias of ``images_edits``."""

    @endpoint(_variations(deprecated=_ALIAS.format("variations")))
    def image_variations(self, file: FileInput, params: Params = None, /, **options: Any) -> Any:
        """Legacy alias of ``images_variations``."""
