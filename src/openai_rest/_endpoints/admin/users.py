"""Users and invites of the organization, and the users of projects."""

from __future__ import annotations

from ..._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from ..._endpoint import Params


class Users:
    @endpoint(get("/organization/invites"), get("/organization/invites/{invite_id}"))
    def invites(self, invite_id: Optional[str] = None, /, **options: Any) -> Any:
        """Returns a list of invites in the organization; ``invites(invite_id)`` retrieves one."""

    @endpoint(post("/organization/invites"))
    def invites_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create an invite for a user to the organization."""

    @endpoint(delete("/organization/invites/{invite_id}"))
    def invites_delete(self, invite_id: str, /, **options: Any) -> Any:
        """Delete an invite."""

    @endpoint(get("/organization/projects/{project_id}/users"))
    def project_users(self, project_id: str, /, **options: Any) -> Any:
        """Returns a list of users in the project."""

    @endpoint(post("/organization/projects/{project_id}/users"))
    def project_user_create(self, project_id: str, params: Params = None, /, **options: Any) -> Any:
        """Adds a user to the project."""

    @endpoint(get("/organization/projects/{project_id}/users/{user_id}"))
    def project_user(self, project_id: str, user_id: str, /, **options: Any) -> Any:
        """Retrieves a user in the project."""

    @endpoint(post("/organization/projects/{project_id}/users/{user_id}"))
    def project_user_modify(
        self, project_id: str, user_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Modifies a user's role in the project."""

    @endpoint(delete("/organization/projects/{project_id}/users/{user_id}"))
    def project_user_delete(self, project_id: str, user_id: str, /, **options: Any) -> Any:
        """Deletes a user from the project."""

    @endpoint(get("/organization/users"), get("/organization/users/{user_id}"))
    def users(self, user_id: Optional[str] = None, /, **options: Any) -> Any:
        """Lists all of the users in the organization; ``users(user_id)`` retrieves one."""

    @endpoint(post("/organization/users/{user_id}"))
    def users_modify(self, user_id: str, params: Params = None, /, **options: Any) -> Any:
        """Modifies a user's role in the organization."""

    @endpoint(delete("/organization/users/{user_id}"))
    def users_delete(self, user_id: str, /, **options: Any) -> Any:
        """Deletes a user from the organization."""
