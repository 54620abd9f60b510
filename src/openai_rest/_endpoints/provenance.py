"""Content provenance checks: was this image or video made by OpenAI?"""

from __future__ import annotations

from .._endpoint import endpoint, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .._endpoint import Params


class Provenance:
    @endpoint(post("/content_provenance_checks", files=("file",), required_files=("file",)))
    def content_provenance_checks_create(self, params: Params = None, /, **options: Any) -> Any:
        """Check whether an image or audio file contains known OpenAI provenance signals."""
