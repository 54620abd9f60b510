"""API keys: the organization's admin keys, project keys, service account keys."""

from __future__ import annotations

from ..._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from ..._endpoint import Params


class Keys:
    @endpoint(get("/organization/admin_api_keys"), get("/organization/admin_api_keys/{key_id}"))
    def admin_api_keys(self, key_id: Optional[str] = None, /, **options: Any) -> Any:
        """List organization API keys; ``admin_api_keys(key_id)`` retrieves one."""

    @endpoint(post("/organization/admin_api_keys"))
    def admin_api_keys_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create an organization admin API key."""

    @endpoint(delete("/organization/admin_api_keys/{key_id}"))
    def admin_api_keys_delete(self, key_id: str, /, **options: Any) -> Any:
        """Delete an organization admin API key."""

    @endpoint(get("/organization/projects/{project_id}/api_keys"))
    def project_api_keys(self, project_id: str, /, **options: Any) -> Any:
        """Returns a list of API keys in the project."""

    @endpoint(get("/organization/projects/{project_id}/api_keys/{api_key_id}"))
    def project_api_key(self, project_id: str, api_key_id: str, /, **options: Any) -> Any:
        """Retrieves an API key in the project."""

    @endpoint(delete("/organization/projects/{project_id}/api_keys/{api_key_id}"))
    def project_api_key_delete(self, project_id: str, api_key_id: str, /, **options: Any) -> Any:
        """Deletes an API key from the project."""

    @endpoint(
        post("/organization/projects/{project_id}/service_accounts/{service_account_id}/api_keys")
    )
    def project_service_account_api_key_create(
        self, project_id: str, service_account_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Creates an API key for a service account in the project."""
