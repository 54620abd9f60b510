"""Groups of users, and the groups of projects."""

from __future__ import annotations

from ..._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from ..._endpoint import Params


class Groups:
    @endpoint(get("/organization/groups"), get("/organization/groups/{group_id}"))
    def groups(self, group_id: Optional[str] = None, /, **options: Any) -> Any:
        """Lists all groups in the organization; ``groups(group_id)`` retrieves one."""

    @endpoint(post("/organization/groups"))
    def groups_create(self, params: Params = None, /, **options: Any) -> Any:
        """Creates a new group in the organization."""

    @endpoint(post("/organization/groups/{group_id}"))
    def groups_update(self, group_id: str, params: Params = None, /, **options: Any) -> Any:
        """Updates a group's information."""

    @endpoint(delete("/organization/groups/{group_id}"))
    def groups_delete(self, group_id: str, /, **options: Any) -> Any:
        """Deletes a group from the organization."""

    @endpoint(get("/organization/groups/{group_id}/users"))
    def group_users(self, group_id: str, /, **options: Any) -> Any:
        """Lists the users assigned to a group."""

    @endpoint(post("/organization/groups/{group_id}/users"))
    def group_user_create(self, group_id: str, params: Params = None, /, **options: Any) -> Any:
        """Adds a user to a group."""

    @endpoint(get("/organization/groups/{group_id}/users/{user_id}"))
    def group_user(self, group_id: str, user_id: str, /, **options: Any) -> Any:
        """Retrieves a user in a group."""

    @endpoint(delete("/organization/groups/{group_id}/users/{user_id}"))
    def group_user_delete(self, group_id: str, user_id: str, /, **options: Any) -> Any:
        """Removes a user from a group."""

    @endpoint(get("/organization/projects/{project_id}/groups"))
    def project_groups(self, project_id: str, /, **options: Any) -> Any:
        """Lists the groups that have access to a project."""

    @endpoint(post("/organization/projects/{project_id}/groups"))
    def project_group_create(
        self, project_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Grants a group access to a project."""

    @endpoint(get("/organization/projects/{project_id}/groups/{group_id}"))
    def project_group(self, project_id: str, group_id: str, /, **options: Any) -> Any:
        """Retrieves a project's group."""

    @endpoint(delete("/organization/projects/{project_id}/groups/{group_id}"))
    def project_group_delete(self, project_id: str, group_id: str, /, **options: Any) -> Any:
        """Revokes a group's access to a project."""
