"""Models: list, retrieve and delete models."""

from __future__ import annotations

from .._endpoint import delete, endpoint, get

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional


class Models:
    @endpoint(get("/models"), get("/models/{model_id}"))
    def models(self, model_id: Optional[str] = None, /, **options: Any) -> Any:
        """List the available models, or retrieve one: ``models()``, ``models("gpt-4o")``."""

    @endpoint(delete("/models/{model_id}"))
    def models_delete(self, model_id: str, /, **options: Any) -> Any:
        """Delete a fine-tuned model you own."""

    @endpoint(delete("/models/{model_id}"))
    def finetunes_delete_model(self, model_id: str, /, **options: Any) -> Any:
        """Delete a fine-tuned model you own (openai.ex's name of ``models_delete``)."""
