"""The emulator's request validation tables, generated from the OpenAPI spec
(version 2.3.0) by ``python scripts/gen_emulator_tables.py``.
Do not edit: run the script (a test checks they are current).
"""

from typing import Any, Dict, FrozenSet, Tuple

SPEC_VERSION = "2.3.0"

#: (method, path with ``{}`` for parameters) -> the shape of the JSON body.
OPERATIONS: Dict[Tuple[str, str], Any] = {
    ("POST", "/assistants"): {"ref": "CreateAssistantRequest"},
    ("POST", "/assistants/{}"): {"ref": "ModifyAssistantRequest"},
    ("POST", "/audio/speech"): {"ref": "CreateSpeechRequest"},
    ("POST", "/audio/voice_consents/{}"): {"ref": "UpdateVoiceConsentRequest"},
    ("POST", "/batches"): {"ref": "CreateBatchRequest"},
    ("POST", "/chat/completions"): {"ref": "CreateChatCompletionRequest"},
    ("POST", "/chat/completions/{}"): {
        "properties": {"metadata": {"ref": "Metadata"}},
        "required": ["metadata"],
        "type": ["object"],
    },
    ("POST", "/chatkit/sessions"): {"ref": "CreateChatSessionBody"},
    ("POST", "/completions"): {"ref": "CreateCompletionRequest"},
    ("POST", "/containers"): {"ref": "CreateContainerBody"},
    ("POST", "/containers/{}/files"): {"ref": "CreateContainerFileBody"},
    ("POST", "/conversations"): {"ref": "CreateConversationBody"},
    ("POST", "/conversations/{}"): {"ref": "UpdateConversationBody"},
    ("POST", "/conversations/{}/items"): {
        "properties": {"items": {"items": {"ref": "InputItem"}, "maxItems": 20, "type": ["array"]}},
        "required": ["items"],
    },
    ("POST", "/embeddings"): {"ref": "CreateEmbeddingRequest"},
    ("POST", "/evals"): {"ref": "CreateEvalRequest"},
    ("POST", "/evals/{}"): {
        "properties": {"metadata": {"ref": "Metadata"}, "name": {"type": ["string"]}},
        "type": ["object"],
    },
    ("POST", "/evals/{}/runs"): {"ref": "CreateEvalRunRequest"},
    ("POST", "/fine_tuning/alpha/graders/run"): {"ref": "RunGraderRequest"},
    ("POST", "/fine_tuning/alpha/graders/validate"): {"ref": "ValidateGraderRequest"},
    ("POST", "/fine_tuning/checkpoints/{}/permissions"): {
        "ref": "CreateFineTuningCheckpointPermissionRequest"
    },
    ("POST", "/fine_tuning/jobs"): {"ref": "CreateFineTuningJobRequest"},
    ("POST", "/images/edits"): {"ref": "EditImageBodyJsonParam"},
    ("POST", "/images/generations"): {"ref": "CreateImageRequest"},
    ("POST", "/moderations"): {"ref": "CreateModerationRequest"},
    ("POST", "/organization/admin_api_keys"): {
        "properties": {
            "expires_in_seconds": {"maximum": 31536000, "minimum": 1, "type": ["integer"]},
            "name": {"type": ["string"]},
        },
        "required": ["name"],
        "type": ["object"],
    },
    ("POST", "/organization/certificates"): {"ref": "UploadCertificateRequest"},
    ("POST", "/organization/certificates/activate"): {"ref": "ToggleCertificatesRequest"},
    ("POST", "/organization/certificates/deactivate"): {"ref": "ToggleCertificatesRequest"},
    ("POST", "/organization/certificates/{}"): {"ref": "ModifyCertificateRequest"},
    ("POST", "/organization/data_retention"): {"ref": "UpdateOrganizationDataRetentionBody"},
    ("POST", "/organization/groups"): {"ref": "CreateGroupBody"},
    ("POST", "/organization/groups/{}"): {"ref": "UpdateGroupBody"},
    ("POST", "/organization/groups/{}/roles"): {"ref": "PublicAssignOrganizationGroupRoleBody"},
    ("POST", "/organization/groups/{}/users"): {"ref": "CreateGroupUserBody"},
    ("POST", "/organization/invites"): {"ref": "InviteRequest"},
    ("POST", "/organization/projects"): {"ref": "ProjectCreateRequest"},
    ("POST", "/organization/projects/{}"): {"ref": "ProjectUpdateRequest"},
    ("POST", "/organization/projects/{}/certificates/activate"): {
        "ref": "ToggleCertificatesRequest"
    },
    ("POST", "/organization/projects/{}/certificates/deactivate"): {
        "ref": "ToggleCertificatesRequest"
    },
    ("POST", "/organization/projects/{}/data_retention"): {"ref": "UpdateProjectDataRetentionBody"},
    ("POST", "/organization/projects/{}/groups"): {"ref": "InviteProjectGroupBody"},
    ("POST", "/organization/projects/{}/hosted_tool_permissions"): {
        "ref": "ProjectHostedToolPermissionsUpdateRequest"
    },
    ("POST", "/organization/projects/{}/model_permissions"): {
        "ref": "ProjectModelPermissionsUpdateRequest"
    },
    ("POST", "/organization/projects/{}/rate_limits/{}"): {"ref": "ProjectRateLimitUpdateRequest"},
    ("POST", "/organization/projects/{}/service_accounts"): {
        "ref": "ProjectServiceAccountCreateRequest"
    },
    ("POST", "/organization/projects/{}/service_accounts/{}"): {
        "ref": "UpdateProjectServiceAccountBody"
    },
    ("POST", "/organization/projects/{}/service_accounts/{}/api_keys"): {
        "ref": "CreateProjectServiceAccountApiKeyBody"
    },
    ("POST", "/organization/projects/{}/spend_alerts"): {"ref": "CreateSpendAlertBody"},
    ("POST", "/organization/projects/{}/spend_alerts/{}"): {"ref": "CreateSpendAlertBody"},
    ("POST", "/organization/projects/{}/spend_limit"): {"ref": "UpdateProjectSpendLimitBody"},
    ("POST", "/organization/projects/{}/users"): {"ref": "ProjectUserCreateRequest"},
    ("POST", "/organization/projects/{}/users/{}"): {"ref": "ProjectUserUpdateRequest"},
    ("POST", "/organization/roles"): {"ref": "PublicCreateOrganizationRoleBody"},
    ("POST", "/organization/roles/{}"): {"ref": "PublicUpdateOrganizationRoleBody"},
    ("POST", "/organization/spend_alerts"): {"ref": "CreateSpendAlertBody"},
    ("POST", "/organization/spend_alerts/{}"): {"ref": "CreateSpendAlertBody"},
    ("POST", "/organization/spend_limit"): {"ref": "UpdateOrganizationSpendLimitBody"},
    ("POST", "/organization/users/{}"): {"ref": "UserRoleUpdateRequest"},
    ("POST", "/organization/users/{}/roles"): {"ref": "PublicAssignOrganizationGroupRoleBody"},
    ("POST", "/projects/{}/groups/{}/roles"): {"ref": "PublicAssignOrganizationGroupRoleBody"},
    ("POST", "/projects/{}/roles"): {"ref": "PublicCreateOrganizationRoleBody"},
    ("POST", "/projects/{}/roles/{}"): {"ref": "PublicUpdateOrganizationRoleBody"},
    ("POST", "/projects/{}/users/{}/roles"): {"ref": "PublicAssignOrganizationGroupRoleBody"},
    ("POST", "/realtime/calls/{}/accept"): {"ref": "RealtimeSessionCreateRequestGA"},
    ("POST", "/realtime/calls/{}/refer"): {"ref": "RealtimeCallReferRequest"},
    ("POST", "/realtime/calls/{}/reject"): {"ref": "RealtimeCallRejectRequest"},
    ("POST", "/realtime/client_secrets"): {"ref": "RealtimeCreateClientSecretRequest"},
    ("POST", "/realtime/sessions"): {"ref": "RealtimeSessionCreateRequest"},
    ("POST", "/realtime/transcription_sessions"): {
        "ref": "RealtimeTranscriptionSessionCreateRequest"
    },
    ("POST", "/realtime/translations/client_secrets"): {
        "ref": "RealtimeTranslationClientSecretCreateRequest"
    },
    ("POST", "/responses"): {"ref": "CreateResponse"},
    ("POST", "/responses/compact"): {"ref": "CompactResponseMethodPublicBody"},
    ("POST", "/responses/compact?beta=true"): {"ref": "BetaCompactResponseMethodPublicBody"},
    ("POST", "/responses/input_tokens"): {"ref": "TokenCountsBody"},
    ("POST", "/responses/input_tokens?beta=true"): {"ref": "BetaTokenCountsBody"},
    ("POST", "/responses?beta=true"): {"ref": "BetaCreateResponse"},
    ("POST", "/skills"): {"ref": "CreateSkillBody"},
    ("POST", "/skills/{}"): {"ref": "SetDefaultSkillVersionBody"},
    ("POST", "/skills/{}/versions"): {"ref": "CreateSkillVersionBody"},
    ("POST", "/threads"): {"ref": "CreateThreadRequest"},
    ("POST", "/threads/runs"): {"ref": "CreateThreadAndRunRequest"},
    ("POST", "/threads/{}"): {"ref": "ModifyThreadRequest"},
    ("POST", "/threads/{}/messages"): {"ref": "CreateMessageRequest"},
    ("POST", "/threads/{}/messages/{}"): {"ref": "ModifyMessageRequest"},
    ("POST", "/threads/{}/runs"): {"ref": "CreateRunRequest"},
    ("POST", "/threads/{}/runs/{}"): {"ref": "ModifyRunRequest"},
    ("POST", "/threads/{}/runs/{}/submit_tool_outputs"): {"ref": "SubmitToolOutputsRunRequest"},
    ("POST", "/uploads"): {"ref": "CreateUploadRequest"},
    ("POST", "/uploads/{}/complete"): {"ref": "CompleteUploadRequest"},
    ("POST", "/vector_stores"): {"ref": "CreateVectorStoreRequest"},
    ("POST", "/vector_stores/{}"): {"ref": "UpdateVectorStoreRequest"},
    ("POST", "/vector_stores/{}/file_batches"): {"ref": "CreateVectorStoreFileBatchRequest"},
    ("POST", "/vector_stores/{}/files"): {"ref": "CreateVectorStoreFileRequest"},
    ("POST", "/vector_stores/{}/files/{}"): {"ref": "UpdateVectorStoreFileAttributesRequest"},
    ("POST", "/vector_stores/{}/search"): {"ref": "VectorStoreSearchRequest"},
    ("POST", "/videos"): {"ref": "CreateVideoJsonBody"},
    ("POST", "/videos/edits"): {"ref": "CreateVideoEditJsonBody"},
    ("POST", "/videos/extensions"): {"ref": "CreateVideoExtendJsonBody"},
    ("POST", "/videos/{}/remix"): {"ref": "CreateVideoRemixBody"},
}

#: Named shapes the operations refer to with ``{'ref': NAME}``.
SHAPES: Dict[str, Any] = {
    "AdditionalToolsItemParam": {
        "properties": {
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "role": {"enum": ["developer"], "type": ["string"]},
            "tools": {"items": {"ref": "Tool"}, "type": ["array"]},
            "type": {"enum": ["additional_tools"], "type": ["string"]},
        },
        "required": ["type", "role", "tools"],
        "type": ["object"],
    },
    "Annotation": {
        "anyOf": [
            {"ref": "FileCitationBody"},
            {"ref": "UrlCitationBody"},
            {"ref": "ContainerFileCitationBody"},
            {"ref": "FilePath"},
        ]
    },
    "ApplyPatchCallOutputStatusParam": {"enum": ["completed", "failed"], "type": ["string"]},
    "ApplyPatchCallStatusParam": {"enum": ["in_progress", "completed"], "type": ["string"]},
    "ApplyPatchCreateFileOperationParam": {
        "properties": {
            "diff": {"maxLength": 10485760, "type": ["string"]},
            "path": {"type": ["string"]},
            "type": {"enum": ["create_file"], "type": ["string"]},
        },
        "required": ["type", "path", "diff"],
        "type": ["object"],
    },
    "ApplyPatchDeleteFileOperationParam": {
        "properties": {
            "path": {"type": ["string"]},
            "type": {"enum": ["delete_file"], "type": ["string"]},
        },
        "required": ["type", "path"],
        "type": ["object"],
    },
    "ApplyPatchOperationParam": {
        "anyOf": [
            {"ref": "ApplyPatchCreateFileOperationParam"},
            {"ref": "ApplyPatchDeleteFileOperationParam"},
            {"ref": "ApplyPatchUpdateFileOperationParam"},
        ]
    },
    "ApplyPatchToolCallItemParam": {
        "properties": {
            "call_id": {"maxLength": 64, "type": ["string"]},
            "caller": {"anyOf": [{"ref": "ToolCallCallerParam"}, {"type": ["null"]}]},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "operation": {"ref": "ApplyPatchOperationParam"},
            "status": {"ref": "ApplyPatchCallStatusParam"},
            "type": {"enum": ["apply_patch_call"], "type": ["string"]},
        },
        "required": ["type", "call_id", "status", "operation"],
        "type": ["object"],
    },
    "ApplyPatchToolCallOutputItemParam": {
        "properties": {
            "call_id": {"maxLength": 64, "type": ["string"]},
            "caller": {"anyOf": [{"ref": "ToolCallCallerParam"}, {"type": ["null"]}]},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "output": {"anyOf": [{"maxLength": 10485760, "type": ["string"]}, {"type": ["null"]}]},
            "status": {"ref": "ApplyPatchCallOutputStatusParam"},
            "type": {"enum": ["apply_patch_call_output"], "type": ["string"]},
        },
        "required": ["type", "call_id", "status"],
        "type": ["object"],
    },
    "ApplyPatchToolParam": {
        "properties": {
            "allowed_callers": {
                "anyOf": [
                    {
                        "items": {"ref": "CallableToolAllowedCaller"},
                        "minItems": 1,
                        "type": ["array"],
                    },
                    {"type": ["null"]},
                ]
            },
            "type": {"enum": ["apply_patch"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "ApplyPatchUpdateFileOperationParam": {
        "properties": {
            "diff": {"maxLength": 10485760, "type": ["string"]},
            "path": {"type": ["string"]},
            "type": {"enum": ["update_file"], "type": ["string"]},
        },
        "required": ["type", "path", "diff"],
        "type": ["object"],
    },
    "ApproximateLocation": {
        "properties": {
            "city": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "country": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "region": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "timezone": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "type": {"enum": ["approximate"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "AssistantSupportedModels": {
        "enum": [
            "gpt-5",
            "gpt-5-mini",
            "gpt-5-nano",
            "gpt-5-2025-08-07",
            "gpt-5-mini-2025-08-07",
            "gpt-5-nano-2025-08-07",
            "gpt-4.1",
            "gpt-4.1-mini",
            "gpt-4.1-nano",
            "gpt-4.1-2025-04-14",
            "gpt-4.1-mini-2025-04-14",
            "gpt-4.1-nano-2025-04-14",
            "o3-mini",
            "o3-mini-2025-01-31",
            "o1",
            "o1-2024-12-17",
            "gpt-4o",
            "gpt-4o-2024-11-20",
            "gpt-4o-2024-08-06",
            "gpt-4o-2024-05-13",
            "gpt-4o-mini",
            "gpt-4o-mini-2024-07-18",
            "gpt-4.5-preview",
            "gpt-4.5-preview-2025-02-27",
            "gpt-4-turbo",
            "gpt-4-turbo-2024-04-09",
            "gpt-4-0125-preview",
            "gpt-4-turbo-preview",
            "gpt-4-1106-preview",
            "gpt-4-vision-preview",
            "gpt-4",
            "gpt-4-0314",
            "gpt-4-0613",
            "gpt-4-32k",
            "gpt-4-32k-0314",
            "gpt-4-32k-0613",
            "gpt-3.5-turbo",
            "gpt-3.5-turbo-16k",
            "gpt-3.5-turbo-0613",
            "gpt-3.5-turbo-1106",
            "gpt-3.5-turbo-0125",
            "gpt-3.5-turbo-16k-0613",
        ],
        "type": ["string"],
    },
    "AssistantToolsCode": {
        "properties": {"type": {"enum": ["code_interpreter"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "AssistantToolsFileSearch": {
        "properties": {
            "file_search": {
                "properties": {
                    "max_num_results": {"maximum": 50, "minimum": 1, "type": ["integer"]},
                    "ranking_options": {"ref": "FileSearchRankingOptions"},
                },
                "type": ["object"],
            },
            "type": {"enum": ["file_search"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "AssistantToolsFileSearchTypeOnly": {
        "properties": {"type": {"enum": ["file_search"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "AssistantToolsFunction": {
        "properties": {
            "function": {"ref": "FunctionObject"},
            "type": {"enum": ["function"], "type": ["string"]},
        },
        "required": ["type", "function"],
        "type": ["object"],
    },
    "AssistantsApiResponseFormatOption": {
        "anyOf": [
            {"enum": ["auto"], "type": ["string"]},
            {"ref": "ResponseFormatText"},
            {"ref": "ResponseFormatJsonObject"},
            {"ref": "ResponseFormatJsonSchema"},
        ]
    },
    "AssistantsNamedToolChoice": {
        "properties": {
            "function": {
                "properties": {"name": {"type": ["string"]}},
                "required": ["name"],
                "type": ["object"],
            },
            "type": {"enum": ["function", "code_interpreter", "file_search"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "AudioTranscription": {
        "properties": {
            "delay": {"enum": ["minimal", "low", "medium", "high", "xhigh"], "type": ["string"]},
            "keywords": {"items": {"type": ["string"]}, "type": ["array"]},
            "language": {"type": ["string"]},
            "languages": {"items": {"type": ["string"]}, "minItems": 1, "type": ["array"]},
            "model": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "enum": [
                            "whisper-1",
                            "gpt-transcribe",
                            "gpt-live-transcribe",
                            "gpt-4o-mini-transcribe",
                            "gpt-4o-mini-transcribe-2025-12-15",
                            "gpt-4o-transcribe",
                            "gpt-4o-transcribe-diarize",
                            "gpt-realtime-whisper",
                        ],
                        "type": ["string"],
                    },
                ]
            },
            "prompt": {"type": ["string"]},
        },
        "type": ["object"],
    },
    "AutoChunkingStrategyRequestParam": {
        "closed": True,
        "properties": {"type": {"enum": ["auto"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "AutoCodeInterpreterToolParam": {
        "properties": {
            "file_ids": {"items": {"type": ["string"]}, "maxItems": 50, "type": ["array"]},
            "memory_limit": {"anyOf": [{"ref": "ContainerMemoryLimit"}, {"type": ["null"]}]},
            "network_policy": {
                "anyOf": [
                    {"ref": "ContainerNetworkPolicyDisabledParam"},
                    {"ref": "ContainerNetworkPolicyAllowlistParam"},
                ]
            },
            "type": {"enum": ["auto"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "AutomaticThreadTitlingParam": {
        "properties": {"enabled": {"type": ["boolean"]}},
        "type": ["object"],
    },
    "BatchFileExpirationAfter": {
        "properties": {
            "anchor": {"enum": ["created_at"], "type": ["string"]},
            "seconds": {"maximum": 2592000, "minimum": 3600, "type": ["integer"]},
        },
        "required": ["anchor", "seconds"],
        "type": ["object"],
    },
    "BetaAdditionalToolsItemParam": {
        "properties": {
            "agent": {"anyOf": [{"ref": "Beta_AgentTagParam"}, {"type": ["null"]}]},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "role": {"enum": ["developer"], "type": ["string"]},
            "tools": {"items": {"ref": "BetaTool"}, "type": ["array"]},
            "type": {"enum": ["additional_tools"], "type": ["string"]},
        },
        "required": ["type", "role", "tools"],
        "type": ["object"],
    },
    "BetaAgentMessageItemParam": {
        "properties": {
            "agent": {"anyOf": [{"ref": "Beta_AgentTagParam"}, {"type": ["null"]}]},
            "author": {"type": ["string"]},
            "content": {
                "items": {
                    "anyOf": [
                        {"ref": "BetaInputTextContentParam"},
                        {"ref": "BetaInputImageContentParamAutoParam"},
                        {"ref": "BetaEncryptedContentParam"},
                    ]
                },
                "type": ["array"],
            },
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "recipient": {"type": ["string"]},
            "type": {"enum": ["agent_message"], "type": ["string"]},
        },
        "required": ["type", "author", "recipient", "content"],
        "type": ["object"],
    },
    "BetaAgentTag": {
        "properties": {"agent_name": {"type": ["string"]}},
        "required": ["agent_name"],
        "type": ["object"],
    },
    "BetaAnnotation": {
        "anyOf": [
            {"ref": "BetaFileCitationBody"},
            {"ref": "BetaUrlCitationBody"},
            {"ref": "BetaContainerFileCitationBody"},
            {"ref": "BetaFilePath"},
        ]
    },
    "BetaApplyPatchCallOutputStatusParam": {"enum": ["completed", "failed"], "type": ["string"]},
    "BetaApplyPatchCallStatusParam": {"enum": ["in_progress", "completed"], "type": ["string"]},
    "BetaApplyPatchCreateFileOperationParam": {
        "properties": {
            "diff": {"maxLength": 10485760, "type": ["string"]},
            "path": {"type": ["string"]},
            "type": {"enum": ["create_file"], "type": ["string"]},
        },
        "required": ["type", "path", "diff"],
        "type": ["object"],
    },
    "BetaApplyPatchDeleteFileOperationParam": {
        "properties": {
            "path": {"type": ["string"]},
            "type": {"enum": ["delete_file"], "type": ["string"]},
        },
        "required": ["type", "path"],
        "type": ["object"],
    },
    "BetaApplyPatchOperationParam": {
        "anyOf": [
            {"ref": "BetaApplyPatchCreateFileOperationParam"},
            {"ref": "BetaApplyPatchDeleteFileOperationParam"},
            {"ref": "BetaApplyPatchUpdateFileOperationParam"},
        ]
    },
    "BetaApplyPatchToolCallItemParam": {
        "properties": {
            "agent": {"anyOf": [{"ref": "Beta_AgentTagParam"}, {"type": ["null"]}]},
            "call_id": {"maxLength": 64, "type": ["string"]},
            "caller": {"anyOf": [{"ref": "BetaToolCallCallerParam"}, {"type": ["null"]}]},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "operation": {"ref": "BetaApplyPatchOperationParam"},
            "status": {"ref": "BetaApplyPatchCallStatusParam"},
            "type": {"enum": ["apply_patch_call"], "type": ["string"]},
        },
        "required": ["type", "call_id", "status", "operation"],
        "type": ["object"],
    },
    "BetaApplyPatchToolCallOutputItemParam": {
        "properties": {
            "agent": {"anyOf": [{"ref": "Beta_AgentTagParam"}, {"type": ["null"]}]},
            "call_id": {"maxLength": 64, "type": ["string"]},
            "caller": {"anyOf": [{"ref": "BetaToolCallCallerParam"}, {"type": ["null"]}]},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "output": {"anyOf": [{"maxLength": 10485760, "type": ["string"]}, {"type": ["null"]}]},
            "status": {"ref": "BetaApplyPatchCallOutputStatusParam"},
            "type": {"enum": ["apply_patch_call_output"], "type": ["string"]},
        },
        "required": ["type", "call_id", "status"],
        "type": ["object"],
    },
    "BetaApplyPatchToolParam": {
        "properties": {
            "allowed_callers": {
                "anyOf": [
                    {
                        "items": {"ref": "BetaCallableToolAllowedCaller"},
                        "minItems": 1,
                        "type": ["array"],
                    },
                    {"type": ["null"]},
                ]
            },
            "type": {"enum": ["apply_patch"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaApplyPatchUpdateFileOperationParam": {
        "properties": {
            "diff": {"maxLength": 10485760, "type": ["string"]},
            "path": {"type": ["string"]},
            "type": {"enum": ["update_file"], "type": ["string"]},
        },
        "required": ["type", "path", "diff"],
        "type": ["object"],
    },
    "BetaApproximateLocation": {
        "properties": {
            "city": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "country": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "region": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "timezone": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "type": {"enum": ["approximate"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaAutoCodeInterpreterToolParam": {
        "properties": {
            "file_ids": {"items": {"type": ["string"]}, "maxItems": 50, "type": ["array"]},
            "memory_limit": {"anyOf": [{"ref": "BetaContainerMemoryLimit"}, {"type": ["null"]}]},
            "network_policy": {
                "anyOf": [
                    {"ref": "BetaContainerNetworkPolicyDisabledParam"},
                    {"ref": "BetaContainerNetworkPolicyAllowlistParam"},
                ]
            },
            "type": {"enum": ["auto"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaCallableToolAllowedCaller": {"enum": ["direct", "programmatic"], "type": ["string"]},
    "BetaClickButtonType": {
        "enum": ["left", "right", "wheel", "back", "forward"],
        "type": ["string"],
    },
    "BetaClickParam": {
        "properties": {
            "button": {"ref": "BetaClickButtonType"},
            "keys": {
                "anyOf": [{"items": {"type": ["string"]}, "type": ["array"]}, {"type": ["null"]}]
            },
            "type": {"enum": ["click"], "type": ["string"]},
            "x": {"type": ["integer"]},
            "y": {"type": ["integer"]},
        },
        "required": ["type", "button", "x", "y"],
        "type": ["object"],
    },
    "BetaCodeInterpreterOutputImage": {
        "properties": {
            "type": {"enum": ["image"], "type": ["string"]},
            "url": {"type": ["string"]},
        },
        "required": ["type", "url"],
        "type": ["object"],
    },
    "BetaCodeInterpreterOutputLogs": {
        "properties": {
            "logs": {"type": ["string"]},
            "type": {"enum": ["logs"], "type": ["string"]},
        },
        "required": ["type", "logs"],
        "type": ["object"],
    },
    "BetaCodeInterpreterTool": {
        "properties": {
            "allowed_callers": {
                "anyOf": [
                    {
                        "items": {"ref": "BetaCallableToolAllowedCaller"},
                        "minItems": 1,
                        "type": ["array"],
                    },
                    {"type": ["null"]},
                ]
            },
            "container": {
                "anyOf": [{"type": ["string"]}, {"ref": "BetaAutoCodeInterpreterToolParam"}]
            },
            "type": {"enum": ["code_interpreter"], "type": ["string"]},
        },
        "required": ["type", "container"],
        "type": ["object"],
    },
    "BetaCodeInterpreterToolCall": {
        "properties": {
            "agent": {"anyOf": [{"ref": "BetaAgentTag"}, {"type": ["null"]}]},
            "code": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "container_id": {"type": ["string"]},
            "id": {"type": ["string"]},
            "outputs": {
                "anyOf": [
                    {
                        "items": {
                            "anyOf": [
                                {"ref": "BetaCodeInterpreterOutputLogs"},
                                {"ref": "BetaCodeInterpreterOutputImage"},
                            ]
                        },
                        "type": ["array"],
                    },
                    {"type": ["null"]},
                ]
            },
            "status": {
                "enum": ["in_progress", "completed", "incomplete", "interpreting", "failed"],
                "type": ["string"],
            },
            "type": {"enum": ["code_interpreter_call"], "type": ["string"]},
        },
        "required": ["type", "id", "status", "container_id", "code", "outputs"],
        "type": ["object"],
    },
    "BetaCompactResponseMethodPublicBody": {
        "properties": {
            "input": {
                "anyOf": [
                    {
                        "anyOf": [
                            {"maxLength": 10485760, "type": ["string"]},
                            {"items": {"ref": "BetaInputItem"}, "type": ["array"]},
                        ]
                    },
                    {"type": ["null"]},
                ]
            },
            "instructions": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "model": {"ref": "BetaModelIdsCompaction"},
            "previous_response_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "prompt_cache_key": {
                "anyOf": [{"maxLength": 64, "type": ["string"]}, {"type": ["null"]}]
            },
            "prompt_cache_options": {
                "anyOf": [{"ref": "BetaPromptCacheOptionsParam"}, {"type": ["null"]}]
            },
            "prompt_cache_retention": {
                "anyOf": [{"ref": "BetaPromptCacheRetentionEnum"}, {"type": ["null"]}]
            },
            "service_tier": {"anyOf": [{"ref": "BetaServiceTierEnum"}, {"type": ["null"]}]},
        },
        "required": ["model"],
        "type": ["object"],
    },
    "BetaCompactionSummaryItemParam": {
        "properties": {
            "agent": {"anyOf": [{"ref": "Beta_AgentTagParam"}, {"type": ["null"]}]},
            "encrypted_content": {"maxLength": 20971520, "type": ["string"]},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "type": {"enum": ["compaction"], "type": ["string"]},
        },
        "required": ["type", "encrypted_content"],
        "type": ["object"],
    },
    "BetaCompactionTriggerItemParam": {
        "properties": {
            "agent": {"anyOf": [{"ref": "Beta_AgentTagParam"}, {"type": ["null"]}]},
            "type": {"enum": ["compaction_trigger"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaComparisonFilter": {
        "closed": True,
        "properties": {
            "key": {"type": ["string"]},
            "type": {
                "enum": ["eq", "ne", "gt", "gte", "lt", "lte", "in", "nin"],
                "type": ["string"],
            },
            "value": {
                "anyOf": [
                    {"type": ["string"]},
                    {"type": ["number"]},
                    {"type": ["boolean"]},
                    {
                        "items": {"anyOf": [{"type": ["string"]}, {"type": ["number"]}]},
                        "type": ["array"],
                    },
                ]
            },
        },
        "required": ["type", "key", "value"],
        "type": ["object"],
    },
    "BetaCompoundFilter": {
        "closed": True,
        "properties": {
            "filters": {"type": ["array"]},
            "type": {"enum": ["and", "or"], "type": ["string"]},
        },
        "required": ["type", "filters"],
        "type": ["object"],
    },
    "BetaComputerAction": {
        "anyOf": [
            {"ref": "BetaClickParam"},
            {"ref": "BetaDoubleClickAction"},
            {"ref": "BetaDragParam"},
            {"ref": "BetaKeyPressAction"},
            {"ref": "BetaMoveParam"},
            {"ref": "BetaScreenshotParam"},
            {"ref": "BetaScrollParam"},
            {"ref": "BetaTypeParam"},
            {"ref": "BetaWaitParam"},
        ]
    },
    "BetaComputerActionList": {"items": {"ref": "BetaComputerAction"}, "type": ["array"]},
    "BetaComputerCallOutputItemParam": {
        "properties": {
            "acknowledged_safety_checks": {
                "anyOf": [
                    {"items": {"ref": "BetaComputerCallSafetyCheckParam"}, "type": ["array"]},
                    {"type": ["null"]},
                ]
            },
            "agent": {"anyOf": [{"ref": "Beta_AgentTagParam"}, {"type": ["null"]}]},
            "call_id": {"maxLength": 64, "type": ["string"]},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "output": {"ref": "BetaComputerScreenshotImage"},
            "status": {"anyOf": [{"ref": "BetaFunctionCallItemStatus"}, {"type": ["null"]}]},
            "type": {"enum": ["computer_call_output"], "type": ["string"]},
        },
        "required": ["call_id", "type", "output"],
        "type": ["object"],
    },
    "BetaComputerCallSafetyCheckParam": {
        "properties": {
            "code": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "message": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
        },
        "required": ["id"],
        "type": ["object"],
    },
    "BetaComputerEnvironment": {
        "enum": ["windows", "mac", "linux", "ubuntu", "browser"],
        "type": ["string"],
    },
    "BetaComputerScreenshotImage": {
        "properties": {
            "file_id": {"type": ["string"]},
            "image_url": {"type": ["string"]},
            "type": {"enum": ["computer_screenshot"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaComputerTool": {
        "properties": {"type": {"enum": ["computer"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "BetaComputerToolCall": {
        "properties": {
            "action": {"ref": "BetaComputerAction"},
            "actions": {"ref": "BetaComputerActionList"},
            "agent": {"anyOf": [{"ref": "BetaAgentTag"}, {"type": ["null"]}]},
            "call_id": {"type": ["string"]},
            "id": {"type": ["string"]},
            "pending_safety_checks": {
                "items": {"ref": "BetaComputerCallSafetyCheckParam"},
                "type": ["array"],
            },
            "status": {"enum": ["in_progress", "completed", "incomplete"], "type": ["string"]},
            "type": {"enum": ["computer_call"], "type": ["string"]},
        },
        "required": ["type", "id", "call_id", "pending_safety_checks", "status"],
        "type": ["object"],
    },
    "BetaComputerUsePreviewTool": {
        "properties": {
            "display_height": {"type": ["integer"]},
            "display_width": {"type": ["integer"]},
            "environment": {"ref": "BetaComputerEnvironment"},
            "type": {"enum": ["computer_use_preview"], "type": ["string"]},
        },
        "required": ["type", "environment", "display_width", "display_height"],
        "type": ["object"],
    },
    "BetaContainerAutoParam": {
        "properties": {
            "file_ids": {"items": {"type": ["string"]}, "maxItems": 50, "type": ["array"]},
            "memory_limit": {"anyOf": [{"ref": "BetaContainerMemoryLimit"}, {"type": ["null"]}]},
            "network_policy": {
                "anyOf": [
                    {"ref": "BetaContainerNetworkPolicyDisabledParam"},
                    {"ref": "BetaContainerNetworkPolicyAllowlistParam"},
                ]
            },
            "skills": {
                "items": {
                    "anyOf": [{"ref": "BetaSkillReferenceParam"}, {"ref": "BetaInlineSkillParam"}]
                },
                "maxItems": 200,
                "type": ["array"],
            },
            "type": {"enum": ["container_auto"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaContainerFileCitationBody": {
        "properties": {
            "container_id": {"type": ["string"]},
            "end_index": {"type": ["integer"]},
            "file_id": {"type": ["string"]},
            "filename": {"type": ["string"]},
            "start_index": {"type": ["integer"]},
            "type": {"enum": ["container_file_citation"], "type": ["string"]},
        },
        "required": ["type", "container_id", "file_id", "start_index", "end_index", "filename"],
        "type": ["object"],
    },
    "BetaContainerFileCitationParam": {
        "properties": {
            "container_id": {"type": ["string"]},
            "end_index": {"minimum": 0, "type": ["integer"]},
            "file_id": {"type": ["string"]},
            "filename": {"type": ["string"]},
            "start_index": {"minimum": 0, "type": ["integer"]},
            "type": {"enum": ["container_file_citation"], "type": ["string"]},
        },
        "required": ["type", "start_index", "end_index", "container_id", "file_id", "filename"],
        "type": ["object"],
    },
    "BetaContainerMemoryLimit": {"enum": ["1g", "4g", "16g", "64g"], "type": ["string"]},
    "BetaContainerNetworkPolicyAllowlistParam": {
        "properties": {
            "allowed_domains": {"items": {"type": ["string"]}, "minItems": 1, "type": ["array"]},
            "domain_secrets": {
                "items": {"ref": "BetaContainerNetworkPolicyDomainSecretParam"},
                "minItems": 1,
                "type": ["array"],
            },
            "type": {"enum": ["allowlist"], "type": ["string"]},
        },
        "required": ["type", "allowed_domains"],
        "type": ["object"],
    },
    "BetaContainerNetworkPolicyDisabledParam": {
        "properties": {"type": {"enum": ["disabled"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "BetaContainerNetworkPolicyDomainSecretParam": {
        "properties": {
            "domain": {"type": ["string"]},
            "name": {"type": ["string"]},
            "value": {"maxLength": 10485760, "type": ["string"]},
        },
        "required": ["domain", "name", "value"],
        "type": ["object"],
    },
    "BetaContainerReferenceParam": {
        "properties": {
            "container_id": {"type": ["string"]},
            "type": {"enum": ["container_reference"], "type": ["string"]},
        },
        "required": ["type", "container_id"],
        "type": ["object"],
    },
    "BetaContextManagementParam": {
        "properties": {
            "compact_threshold": {
                "anyOf": [{"minimum": 1000, "type": ["integer"]}, {"type": ["null"]}]
            },
            "type": {"type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaConversationParam": {"anyOf": [{"type": ["string"]}, {"ref": "BetaConversationParam-2"}]},
    "BetaConversationParam-2": {
        "properties": {"id": {"type": ["string"]}},
        "required": ["id"],
        "type": ["object"],
    },
    "BetaCoordParam": {
        "properties": {"x": {"type": ["integer"]}, "y": {"type": ["integer"]}},
        "required": ["x", "y"],
        "type": ["object"],
    },
    "BetaCreateResponse": {
        "properties": {
            "background": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "context_management": {
                "anyOf": [
                    {
                        "items": {"ref": "BetaContextManagementParam"},
                        "minItems": 1,
                        "type": ["array"],
                    },
                    {"type": ["null"]},
                ]
            },
            "conversation": {"anyOf": [{"ref": "BetaConversationParam"}, {"type": ["null"]}]},
            "include": {
                "anyOf": [
                    {"items": {"ref": "BetaIncludeEnum"}, "type": ["array"]},
                    {"type": ["null"]},
                ]
            },
            "input": {"ref": "BetaInputParam"},
            "instructions": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "max_output_tokens": {
                "anyOf": [{"minimum": 16, "type": ["integer"]}, {"type": ["null"]}]
            },
            "max_tool_calls": {"anyOf": [{"type": ["integer"]}, {"type": ["null"]}]},
            "metadata": {"ref": "BetaMetadata"},
            "model": {"ref": "BetaModelIdsResponses"},
            "moderation": {"anyOf": [{"ref": "BetaModerationParam"}, {"type": ["null"]}]},
            "multi_agent": {"anyOf": [{"ref": "BetaMultiAgentParam"}, {"type": ["null"]}]},
            "parallel_tool_calls": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "previous_response_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "prompt": {"ref": "BetaPrompt"},
            "prompt_cache_key": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "prompt_cache_options": {"ref": "BetaPromptCacheOptionsParam"},
            "prompt_cache_retention": {
                "anyOf": [{"enum": ["in_memory", "24h"], "type": ["string"]}, {"type": ["null"]}]
            },
            "reasoning": {"anyOf": [{"ref": "BetaReasoning"}, {"type": ["null"]}]},
            "safety_identifier": {
                "anyOf": [{"maxLength": 64, "type": ["string"]}, {"type": ["null"]}]
            },
            "service_tier": {"ref": "BetaServiceTierResponses"},
            "store": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "stream": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "stream_options": {"ref": "BetaResponseStreamOptions"},
            "temperature": {
                "anyOf": [{"maximum": 2, "minimum": 0, "type": ["number"]}, {"type": ["null"]}]
            },
            "text": {"ref": "BetaResponseTextParam"},
            "tool_choice": {"ref": "BetaToolChoiceParam"},
            "tools": {"ref": "BetaToolsArray"},
            "top_logprobs": {"maximum": 20, "minimum": 0, "type": ["integer"]},
            "top_p": {
                "anyOf": [{"maximum": 1, "minimum": 0, "type": ["number"]}, {"type": ["null"]}]
            },
            "truncation": {
                "anyOf": [{"enum": ["auto", "disabled"], "type": ["string"]}, {"type": ["null"]}]
            },
            "user": {"type": ["string"]},
        },
        "type": ["object"],
    },
    "BetaCustomGrammarFormatParam": {
        "properties": {
            "definition": {"type": ["string"]},
            "syntax": {"ref": "BetaGrammarSyntax1"},
            "type": {"enum": ["grammar"], "type": ["string"]},
        },
        "required": ["type", "syntax", "definition"],
        "type": ["object"],
    },
    "BetaCustomTextFormatParam": {
        "properties": {"type": {"enum": ["text"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "BetaCustomToolCall": {
        "properties": {
            "agent": {"anyOf": [{"ref": "BetaAgentTag"}, {"type": ["null"]}]},
            "call_id": {"type": ["string"]},
            "caller": {"anyOf": [{"ref": "BetaToolCallCaller"}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "input": {"type": ["string"]},
            "name": {"type": ["string"]},
            "namespace": {"type": ["string"]},
            "type": {"enum": ["custom_tool_call"], "type": ["string"]},
        },
        "required": ["type", "call_id", "name", "input"],
        "type": ["object"],
    },
    "BetaCustomToolCallOutput": {
        "properties": {
            "agent": {"anyOf": [{"ref": "BetaAgentTag"}, {"type": ["null"]}]},
            "call_id": {"type": ["string"]},
            "caller": {"anyOf": [{"ref": "BetaToolCallCallerParam"}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "output": {
                "anyOf": [
                    {"type": ["string"]},
                    {"items": {"ref": "BetaFunctionAndCustomToolCallOutput"}, "type": ["array"]},
                ]
            },
            "type": {"enum": ["custom_tool_call_output"], "type": ["string"]},
        },
        "required": ["type", "call_id", "output"],
        "type": ["object"],
    },
    "BetaCustomToolParam": {
        "properties": {
            "allowed_callers": {
                "anyOf": [
                    {
                        "items": {"ref": "BetaCallableToolAllowedCaller"},
                        "minItems": 1,
                        "type": ["array"],
                    },
                    {"type": ["null"]},
                ]
            },
            "defer_loading": {"type": ["boolean"]},
            "description": {"type": ["string"]},
            "format": {
                "anyOf": [
                    {"ref": "BetaCustomTextFormatParam"},
                    {"ref": "BetaCustomGrammarFormatParam"},
                ]
            },
            "name": {"type": ["string"]},
            "type": {"enum": ["custom"], "type": ["string"]},
        },
        "required": ["type", "name"],
        "type": ["object"],
    },
    "BetaDetailEnum": {"enum": ["low", "high", "auto", "original"], "type": ["string"]},
    "BetaDirectToolCallCaller": {
        "properties": {"type": {"enum": ["direct"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "BetaDirectToolCallCallerParam": {
        "properties": {"type": {"enum": ["direct"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "BetaDoubleClickAction": {
        "properties": {
            "keys": {
                "anyOf": [{"items": {"type": ["string"]}, "type": ["array"]}, {"type": ["null"]}]
            },
            "type": {"enum": ["double_click"], "type": ["string"]},
            "x": {"type": ["integer"]},
            "y": {"type": ["integer"]},
        },
        "required": ["type", "x", "y", "keys"],
        "type": ["object"],
    },
    "BetaDragParam": {
        "properties": {
            "keys": {
                "anyOf": [{"items": {"type": ["string"]}, "type": ["array"]}, {"type": ["null"]}]
            },
            "path": {"items": {"ref": "BetaCoordParam"}, "type": ["array"]},
            "type": {"enum": ["drag"], "type": ["string"]},
        },
        "required": ["type", "path"],
        "type": ["object"],
    },
    "BetaEasyInputMessage": {
        "properties": {
            "content": {"anyOf": [{"type": ["string"]}, {"ref": "BetaInputMessageContentList"}]},
            "phase": {"anyOf": [{"ref": "BetaMessagePhase"}, {"type": ["null"]}]},
            "role": {"enum": ["user", "assistant", "system", "developer"], "type": ["string"]},
            "type": {"enum": ["message"], "type": ["string"]},
        },
        "required": ["role", "content"],
        "type": ["object"],
    },
    "BetaEmptyModelParam": {"properties": {}, "type": ["object"]},
    "BetaEncryptedContentParam": {
        "properties": {
            "encrypted_content": {"maxLength": 10485760, "type": ["string"]},
            "type": {"enum": ["encrypted_content"], "type": ["string"]},
        },
        "required": ["type", "encrypted_content"],
        "type": ["object"],
    },
    "BetaFileCitationBody": {
        "properties": {
            "file_id": {"type": ["string"]},
            "filename": {"type": ["string"]},
            "index": {"type": ["integer"]},
            "type": {"enum": ["file_citation"], "type": ["string"]},
        },
        "required": ["type", "file_id", "index", "filename"],
        "type": ["object"],
    },
    "BetaFileCitationParam": {
        "properties": {
            "file_id": {"type": ["string"]},
            "filename": {"type": ["string"]},
            "index": {"minimum": 0, "type": ["integer"]},
            "type": {"enum": ["file_citation"], "type": ["string"]},
        },
        "required": ["type", "index", "file_id", "filename"],
        "type": ["object"],
    },
    "BetaFileDetailEnum": {"enum": ["auto", "low", "high"], "type": ["string"]},
    "BetaFileInputDetail": {"enum": ["auto", "low", "high"], "type": ["string"]},
    "BetaFilePath": {
        "properties": {
            "file_id": {"type": ["string"]},
            "index": {"type": ["integer"]},
            "type": {"enum": ["file_path"], "type": ["string"]},
        },
        "required": ["type", "file_id", "index"],
        "type": ["object"],
    },
    "BetaFileSearchTool": {
        "properties": {
            "filters": {"anyOf": [{"ref": "BetaFilters"}, {"type": ["null"]}]},
            "max_num_results": {"type": ["integer"]},
            "ranking_options": {"ref": "BetaRankingOptions"},
            "type": {"enum": ["file_search"], "type": ["string"]},
            "vector_store_ids": {"items": {"type": ["string"]}, "type": ["array"]},
        },
        "required": ["type", "vector_store_ids"],
        "type": ["object"],
    },
    "BetaFileSearchToolCall": {
        "properties": {
            "agent": {"anyOf": [{"ref": "BetaAgentTag"}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "queries": {"items": {"type": ["string"]}, "type": ["array"]},
            "results": {
                "anyOf": [
                    {
                        "items": {
                            "properties": {
                                "attributes": {"ref": "BetaVectorStoreFileAttributes"},
                                "file_id": {"type": ["string"]},
                                "filename": {"type": ["string"]},
                                "score": {"type": ["number"]},
                                "text": {"type": ["string"]},
                            },
                            "type": ["object"],
                        },
                        "type": ["array"],
                    },
                    {"type": ["null"]},
                ]
            },
            "status": {
                "enum": ["in_progress", "searching", "completed", "incomplete", "failed"],
                "type": ["string"],
            },
            "type": {"enum": ["file_search_call"], "type": ["string"]},
        },
        "required": ["id", "type", "status", "queries"],
        "type": ["object"],
    },
    "BetaFilters": {"anyOf": [{"ref": "BetaComparisonFilter"}, {"ref": "BetaCompoundFilter"}]},
    "BetaFunctionAndCustomToolCallOutput": {
        "anyOf": [
            {"ref": "BetaInputTextContent"},
            {"ref": "BetaInputImageContent"},
            {"ref": "BetaInputFileContent"},
        ]
    },
    "BetaFunctionCallItemStatus": {
        "enum": ["in_progress", "completed", "incomplete"],
        "type": ["string"],
    },
    "BetaFunctionCallOutputItemParam": {
        "properties": {
            "agent": {"anyOf": [{"ref": "Beta_AgentTagParam"}, {"type": ["null"]}]},
            "call_id": {"anyOf": [{"maxLength": 64, "type": ["string"]}, {"type": ["null"]}]},
            "caller": {"anyOf": [{"ref": "BetaToolCallCallerParam"}, {"type": ["null"]}]},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "name": {"anyOf": [{"maxLength": 128, "type": ["string"]}, {"type": ["null"]}]},
            "namespace": {"anyOf": [{"maxLength": 64, "type": ["string"]}, {"type": ["null"]}]},
            "output": {
                "anyOf": [
                    {"maxLength": 10485760, "type": ["string"]},
                    {
                        "items": {
                            "anyOf": [
                                {"ref": "BetaInputTextContentParam"},
                                {"ref": "BetaInputImageContentParamAutoParam"},
                                {"ref": "BetaInputFileContentParam"},
                            ]
                        },
                        "type": ["array"],
                    },
                ]
            },
            "status": {"anyOf": [{"ref": "BetaFunctionCallItemStatus"}, {"type": ["null"]}]},
            "type": {"enum": ["function_call_output"], "type": ["string"]},
        },
        "required": ["type", "output"],
        "type": ["object"],
    },
    "BetaFunctionShellActionParam": {
        "properties": {
            "commands": {"items": {"type": ["string"]}, "type": ["array"]},
            "max_output_length": {"anyOf": [{"type": ["integer"]}, {"type": ["null"]}]},
            "timeout_ms": {"anyOf": [{"type": ["integer"]}, {"type": ["null"]}]},
        },
        "required": ["commands"],
        "type": ["object"],
    },
    "BetaFunctionShellCallItemParam": {
        "properties": {
            "action": {"ref": "BetaFunctionShellActionParam"},
            "agent": {"anyOf": [{"ref": "Beta_AgentTagParam"}, {"type": ["null"]}]},
            "call_id": {"maxLength": 64, "type": ["string"]},
            "caller": {"anyOf": [{"ref": "BetaToolCallCallerParam"}, {"type": ["null"]}]},
            "environment": {
                "anyOf": [
                    {
                        "anyOf": [
                            {"ref": "BetaLocalEnvironmentParam"},
                            {"ref": "BetaContainerReferenceParam"},
                        ]
                    },
                    {"type": ["null"]},
                ]
            },
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "status": {"anyOf": [{"ref": "BetaFunctionShellCallItemStatus"}, {"type": ["null"]}]},
            "type": {"enum": ["shell_call"], "type": ["string"]},
        },
        "required": ["call_id", "type", "action"],
        "type": ["object"],
    },
    "BetaFunctionShellCallItemStatus": {
        "enum": ["in_progress", "completed", "incomplete"],
        "type": ["string"],
    },
    "BetaFunctionShellCallOutputContentParam": {
        "properties": {
            "outcome": {"ref": "BetaFunctionShellCallOutputOutcomeParam"},
            "stderr": {"maxLength": 10485760, "type": ["string"]},
            "stdout": {"maxLength": 10485760, "type": ["string"]},
        },
        "required": ["stdout", "stderr", "outcome"],
        "type": ["object"],
    },
    "BetaFunctionShellCallOutputExitOutcomeParam": {
        "properties": {
            "exit_code": {"type": ["integer"]},
            "type": {"enum": ["exit"], "type": ["string"]},
        },
        "required": ["type", "exit_code"],
        "type": ["object"],
    },
    "BetaFunctionShellCallOutputItemParam": {
        "properties": {
            "agent": {"anyOf": [{"ref": "Beta_AgentTagParam"}, {"type": ["null"]}]},
            "call_id": {"maxLength": 64, "type": ["string"]},
            "caller": {"anyOf": [{"ref": "BetaToolCallCallerParam"}, {"type": ["null"]}]},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "max_output_length": {"anyOf": [{"type": ["integer"]}, {"type": ["null"]}]},
            "output": {
                "items": {"ref": "BetaFunctionShellCallOutputContentParam"},
                "type": ["array"],
            },
            "status": {"anyOf": [{"ref": "BetaFunctionShellCallItemStatus"}, {"type": ["null"]}]},
            "type": {"enum": ["shell_call_output"], "type": ["string"]},
        },
        "required": ["call_id", "type", "output"],
        "type": ["object"],
    },
    "BetaFunctionShellCallOutputOutcomeParam": {
        "anyOf": [
            {"ref": "BetaFunctionShellCallOutputTimeoutOutcomeParam"},
            {"ref": "BetaFunctionShellCallOutputExitOutcomeParam"},
        ]
    },
    "BetaFunctionShellCallOutputTimeoutOutcomeParam": {
        "properties": {"type": {"enum": ["timeout"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "BetaFunctionShellToolParam": {
        "properties": {
            "allowed_callers": {
                "anyOf": [
                    {
                        "items": {"ref": "BetaCallableToolAllowedCaller"},
                        "minItems": 1,
                        "type": ["array"],
                    },
                    {"type": ["null"]},
                ]
            },
            "environment": {
                "anyOf": [
                    {
                        "anyOf": [
                            {"ref": "BetaContainerAutoParam"},
                            {"ref": "BetaLocalEnvironmentParam"},
                            {"ref": "BetaContainerReferenceParam"},
                        ]
                    },
                    {"type": ["null"]},
                ]
            },
            "type": {"enum": ["shell"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaFunctionTool": {
        "properties": {
            "allowed_callers": {
                "anyOf": [
                    {"items": {"ref": "BetaCallableToolAllowedCaller"}, "type": ["array"]},
                    {"type": ["null"]},
                ]
            },
            "defer_loading": {"type": ["boolean"]},
            "description": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "name": {"type": ["string"]},
            "output_schema": {"anyOf": [{"type": ["object"]}, {"type": ["null"]}]},
            "parameters": {"anyOf": [{"type": ["object"]}, {"type": ["null"]}]},
            "strict": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "type": {"enum": ["function"], "type": ["string"]},
        },
        "required": ["type", "name", "strict", "parameters"],
        "type": ["object"],
    },
    "BetaFunctionToolCall": {
        "properties": {
            "agent": {"anyOf": [{"ref": "BetaAgentTag"}, {"type": ["null"]}]},
            "arguments": {"type": ["string"]},
            "call_id": {"type": ["string"]},
            "caller": {"anyOf": [{"ref": "BetaToolCallCaller"}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "name": {"type": ["string"]},
            "namespace": {"type": ["string"]},
            "status": {"enum": ["in_progress", "completed", "incomplete"], "type": ["string"]},
            "type": {"enum": ["function_call"], "type": ["string"]},
        },
        "required": ["type", "call_id", "name", "arguments"],
        "type": ["object"],
    },
    "BetaFunctionToolParam": {
        "properties": {
            "allowed_callers": {
                "anyOf": [
                    {
                        "items": {"ref": "BetaCallableToolAllowedCaller"},
                        "minItems": 1,
                        "type": ["array"],
                    },
                    {"type": ["null"]},
                ]
            },
            "defer_loading": {"type": ["boolean"]},
            "description": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "name": {"maxLength": 128, "type": ["string"]},
            "output_schema": {"anyOf": [{"type": ["object"]}, {"type": ["null"]}]},
            "parameters": {"anyOf": [{"ref": "BetaEmptyModelParam"}, {"type": ["null"]}]},
            "strict": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "type": {"enum": ["function"], "type": ["string"]},
        },
        "required": ["name", "type"],
        "type": ["object"],
    },
    "BetaGrammarSyntax1": {"enum": ["lark", "regex"], "type": ["string"]},
    "BetaHTTPError": {
        "properties": {
            "code": {"type": ["integer"]},
            "message": {"type": ["string"]},
            "type": {"enum": ["http_error"], "type": ["string"]},
        },
        "required": ["type", "code", "message"],
        "type": ["object"],
    },
    "BetaHybridSearchOptions": {
        "properties": {
            "embedding_weight": {"type": ["number"]},
            "text_weight": {"type": ["number"]},
        },
        "required": ["embedding_weight", "text_weight"],
        "type": ["object"],
    },
    "BetaImageDetail": {"enum": ["low", "high", "auto", "original"], "type": ["string"]},
    "BetaImageGenActionEnum": {"enum": ["generate", "edit", "auto"], "type": ["string"]},
    "BetaImageGenTool": {
        "properties": {
            "action": {"ref": "BetaImageGenActionEnum"},
            "background": {"enum": ["transparent", "opaque", "auto"], "type": ["string"]},
            "input_fidelity": {"anyOf": [{"ref": "BetaInputFidelity"}, {"type": ["null"]}]},
            "input_image_mask": {
                "closed": True,
                "properties": {"file_id": {"type": ["string"]}, "image_url": {"type": ["string"]}},
                "type": ["object"],
            },
            "model": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "enum": [
                            "gpt-image-1",
                            "gpt-image-1-mini",
                            "gpt-image-1.5",
                            "gpt-image-2",
                            "gpt-image-2-2026-04-21",
                        ],
                        "type": ["string"],
                    },
                ]
            },
            "moderation": {"enum": ["auto", "low"], "type": ["string"]},
            "output_compression": {"maximum": 100, "minimum": 0, "type": ["integer"]},
            "output_format": {"enum": ["png", "webp", "jpeg"], "type": ["string"]},
            "partial_images": {"maximum": 3, "minimum": 0, "type": ["integer"]},
            "quality": {"enum": ["low", "medium", "high", "auto"], "type": ["string"]},
            "size": {
                "anyOf": [
                    {"type": ["string"]},
                    {"enum": ["1024x1024", "1024x1536", "1536x1024", "auto"], "type": ["string"]},
                ]
            },
            "type": {"enum": ["image_generation"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaImageGenToolCall": {
        "properties": {
            "agent": {"anyOf": [{"ref": "BetaAgentTag"}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "result": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "status": {
                "enum": ["in_progress", "completed", "generating", "failed"],
                "type": ["string"],
            },
            "type": {"enum": ["image_generation_call"], "type": ["string"]},
        },
        "required": ["type", "id", "status", "result"],
        "type": ["object"],
    },
    "BetaIncludeEnum": {
        "enum": [
            "file_search_call.results",
            "web_search_call.results",
            "web_search_call.action.sources",
            "message.input_image.image_url",
            "computer_call_output.output.image_url",
            "code_interpreter_call.outputs",
            "reasoning.encrypted_content",
            "message.output_text.logprobs",
        ],
        "type": ["string"],
    },
    "BetaInlineSkillParam": {
        "properties": {
            "description": {"type": ["string"]},
            "name": {"type": ["string"]},
            "source": {"ref": "BetaInlineSkillSourceParam"},
            "type": {"enum": ["inline"], "type": ["string"]},
        },
        "required": ["type", "name", "description", "source"],
        "type": ["object"],
    },
    "BetaInlineSkillSourceParam": {
        "properties": {
            "data": {"maxLength": 70254592, "type": ["string"]},
            "media_type": {"enum": ["application/zip"], "type": ["string"]},
            "type": {"enum": ["base64"], "type": ["string"]},
        },
        "required": ["type", "media_type", "data"],
        "type": ["object"],
    },
    "BetaInputContent": {
        "anyOf": [
            {"ref": "BetaInputTextContent"},
            {"ref": "BetaInputImageContent"},
            {"ref": "BetaInputFileContent"},
        ]
    },
    "BetaInputFidelity": {"enum": ["high", "low"], "type": ["string"]},
    "BetaInputFileContent": {
        "properties": {
            "detail": {"ref": "BetaFileInputDetail"},
            "file_data": {"type": ["string"]},
            "file_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "file_url": {"type": ["string"]},
            "filename": {"type": ["string"]},
            "prompt_cache_breakpoint": {"ref": "BetaPromptCacheBreakpointConfig"},
            "type": {"enum": ["input_file"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaInputFileContentParam": {
        "properties": {
            "detail": {"ref": "BetaFileDetailEnum"},
            "file_data": {
                "anyOf": [{"maxLength": 73400320, "type": ["string"]}, {"type": ["null"]}]
            },
            "file_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "file_url": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "filename": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "prompt_cache_breakpoint": {
                "anyOf": [{"ref": "BetaPromptCacheBreakpointParam"}, {"type": ["null"]}]
            },
            "type": {"enum": ["input_file"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaInputImageContent": {
        "properties": {
            "detail": {"ref": "BetaImageDetail"},
            "file_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "image_url": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "prompt_cache_breakpoint": {"ref": "BetaPromptCacheBreakpointConfig"},
            "type": {"enum": ["input_image"], "type": ["string"]},
        },
        "required": ["type", "detail"],
        "type": ["object"],
    },
    "BetaInputImageContentParamAutoParam": {
        "properties": {
            "detail": {"anyOf": [{"ref": "BetaDetailEnum"}, {"type": ["null"]}]},
            "file_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "image_url": {
                "anyOf": [{"maxLength": 20971520, "type": ["string"]}, {"type": ["null"]}]
            },
            "prompt_cache_breakpoint": {
                "anyOf": [{"ref": "BetaPromptCacheBreakpointParam"}, {"type": ["null"]}]
            },
            "type": {"enum": ["input_image"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaInputItem": {
        "anyOf": [
            {"ref": "BetaEasyInputMessage"},
            {"ref": "BetaItem"},
            {"ref": "BetaCompactionTriggerItemParam"},
            {"ref": "BetaItemReferenceParam"},
            {"ref": "BetaProgramItemParam"},
            {"ref": "BetaProgramOutputItemParam"},
        ]
    },
    "BetaInputMessage": {
        "properties": {
            "agent": {"anyOf": [{"ref": "BetaAgentTag"}, {"type": ["null"]}]},
            "content": {"ref": "BetaInputMessageContentList"},
            "role": {"enum": ["user", "system", "developer"], "type": ["string"]},
            "status": {"enum": ["in_progress", "completed", "incomplete"], "type": ["string"]},
            "type": {"enum": ["message"], "type": ["string"]},
        },
        "required": ["role", "content"],
        "type": ["object"],
    },
    "BetaInputMessageContentList": {"items": {"ref": "BetaInputContent"}, "type": ["array"]},
    "BetaInputParam": {
        "anyOf": [{"type": ["string"]}, {"items": {"ref": "BetaInputItem"}, "type": ["array"]}]
    },
    "BetaInputTextContent": {
        "properties": {
            "prompt_cache_breakpoint": {"ref": "BetaPromptCacheBreakpointConfig"},
            "text": {"type": ["string"]},
            "type": {"enum": ["input_text"], "type": ["string"]},
        },
        "required": ["type", "text"],
        "type": ["object"],
    },
    "BetaInputTextContentParam": {
        "properties": {
            "prompt_cache_breakpoint": {
                "anyOf": [{"ref": "BetaPromptCacheBreakpointParam"}, {"type": ["null"]}]
            },
            "text": {"maxLength": 10485760, "type": ["string"]},
            "type": {"enum": ["input_text"], "type": ["string"]},
        },
        "required": ["type", "text"],
        "type": ["object"],
    },
    "BetaItem": {
        "anyOf": [
            {"ref": "BetaInputMessage"},
            {"ref": "BetaOutputMessage"},
            {"ref": "BetaFileSearchToolCall"},
            {"ref": "BetaComputerToolCall"},
            {"ref": "BetaComputerCallOutputItemParam"},
            {"ref": "BetaWebSearchToolCall"},
            {"ref": "BetaFunctionToolCall"},
            {"ref": "BetaFunctionCallOutputItemParam"},
            {"ref": "BetaAgentMessageItemParam"},
            {"ref": "BetaMultiAgentCallItemParam"},
            {"ref": "BetaMultiAgentCallOutputItemParam"},
            {"ref": "BetaToolSearchCallItemParam"},
            {"ref": "BetaToolSearchOutputItemParam"},
            {"ref": "BetaAdditionalToolsItemParam"},
            {"ref": "BetaReasoningItem"},
            {"ref": "BetaCompactionSummaryItemParam"},
            {"ref": "BetaImageGenToolCall"},
            {"ref": "BetaCodeInterpreterToolCall"},
            {"ref": "BetaLocalShellToolCall"},
            {"ref": "BetaLocalShellToolCallOutput"},
            {"ref": "BetaFunctionShellCallItemParam"},
            {"ref": "BetaFunctionShellCallOutputItemParam"},
            {"ref": "BetaApplyPatchToolCallItemParam"},
            {"ref": "BetaApplyPatchToolCallOutputItemParam"},
            {"ref": "BetaMCPListTools"},
            {"ref": "BetaMCPApprovalRequest"},
            {"ref": "BetaMCPApprovalResponse"},
            {"ref": "BetaMCPToolCall"},
            {"ref": "BetaCustomToolCallOutput"},
            {"ref": "BetaCustomToolCall"},
        ],
        "type": ["object"],
    },
    "BetaItemReferenceParam": {
        "properties": {
            "agent": {"anyOf": [{"ref": "Beta_AgentTagParam"}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "type": {
                "anyOf": [{"enum": ["item_reference"], "type": ["string"]}, {"type": ["null"]}]
            },
        },
        "required": ["id"],
        "type": ["object"],
    },
    "BetaKeyPressAction": {
        "properties": {
            "keys": {"items": {"type": ["string"]}, "type": ["array"]},
            "type": {"enum": ["keypress"], "type": ["string"]},
        },
        "required": ["type", "keys"],
        "type": ["object"],
    },
    "BetaLocalEnvironmentParam": {
        "properties": {
            "skills": {"items": {"ref": "BetaLocalSkillParam"}, "maxItems": 200, "type": ["array"]},
            "type": {"enum": ["local"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaLocalShellExecAction": {
        "properties": {
            "command": {"items": {"type": ["string"]}, "type": ["array"]},
            "env": {"type": ["object"]},
            "timeout_ms": {"anyOf": [{"type": ["integer"]}, {"type": ["null"]}]},
            "type": {"enum": ["exec"], "type": ["string"]},
            "user": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "working_directory": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
        },
        "required": ["type", "command", "env"],
        "type": ["object"],
    },
    "BetaLocalShellToolCall": {
        "properties": {
            "action": {"ref": "BetaLocalShellExecAction"},
            "agent": {"anyOf": [{"ref": "BetaAgentTag"}, {"type": ["null"]}]},
            "call_id": {"type": ["string"]},
            "id": {"type": ["string"]},
            "status": {"enum": ["in_progress", "completed", "incomplete"], "type": ["string"]},
            "type": {"enum": ["local_shell_call"], "type": ["string"]},
        },
        "required": ["type", "id", "call_id", "action", "status"],
        "type": ["object"],
    },
    "BetaLocalShellToolCallOutput": {
        "properties": {
            "agent": {"anyOf": [{"ref": "BetaAgentTag"}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "output": {"type": ["string"]},
            "status": {
                "anyOf": [
                    {"enum": ["in_progress", "completed", "incomplete"], "type": ["string"]},
                    {"type": ["null"]},
                ]
            },
            "type": {"enum": ["local_shell_call_output"], "type": ["string"]},
        },
        "required": ["id", "type", "call_id", "output"],
        "type": ["object"],
    },
    "BetaLocalShellToolParam": {
        "properties": {"type": {"enum": ["local_shell"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "BetaLocalSkillParam": {
        "properties": {
            "description": {"type": ["string"]},
            "name": {"type": ["string"]},
            "path": {"type": ["string"]},
        },
        "required": ["name", "description", "path"],
        "type": ["object"],
    },
    "BetaLogProb": {
        "properties": {
            "bytes": {"items": {"type": ["integer"]}, "type": ["array"]},
            "logprob": {"type": ["number"]},
            "token": {"type": ["string"]},
            "top_logprobs": {"items": {"ref": "BetaTopLogProb"}, "type": ["array"]},
        },
        "required": ["token", "logprob", "bytes", "top_logprobs"],
        "type": ["object"],
    },
    "BetaMCPApprovalRequest": {
        "properties": {
            "agent": {"anyOf": [{"ref": "BetaAgentTag"}, {"type": ["null"]}]},
            "arguments": {"type": ["string"]},
            "id": {"type": ["string"]},
            "name": {"type": ["string"]},
            "server_label": {"type": ["string"]},
            "type": {"enum": ["mcp_approval_request"], "type": ["string"]},
        },
        "required": ["type", "id", "server_label", "name", "arguments"],
        "type": ["object"],
    },
    "BetaMCPApprovalResponse": {
        "properties": {
            "agent": {"anyOf": [{"ref": "BetaAgentTag"}, {"type": ["null"]}]},
            "approval_request_id": {"type": ["string"]},
            "approve": {"type": ["boolean"]},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "reason": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "type": {"enum": ["mcp_approval_response"], "type": ["string"]},
        },
        "required": ["type", "request_id", "approve", "approval_request_id"],
        "type": ["object"],
    },
    "BetaMCPListTools": {
        "properties": {
            "agent": {"anyOf": [{"ref": "BetaAgentTag"}, {"type": ["null"]}]},
            "error": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "server_label": {"type": ["string"]},
            "tools": {"items": {"ref": "BetaMCPListToolsTool"}, "type": ["array"]},
            "type": {"enum": ["mcp_list_tools"], "type": ["string"]},
        },
        "required": ["type", "id", "server_label", "tools"],
        "type": ["object"],
    },
    "BetaMCPListToolsTool": {
        "properties": {
            "annotations": {"anyOf": [{"type": ["object"]}, {"type": ["null"]}]},
            "description": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "input_schema": {"type": ["object"]},
            "name": {"type": ["string"]},
        },
        "required": ["name", "input_schema"],
        "type": ["object"],
    },
    "BetaMCPProtocolError": {
        "properties": {
            "code": {"type": ["integer"]},
            "message": {"type": ["string"]},
            "type": {"enum": ["mcp_protocol_error"], "type": ["string"]},
        },
        "required": ["type", "code", "message"],
        "type": ["object"],
    },
    "BetaMCPTool": {
        "properties": {
            "allowed_callers": {
                "anyOf": [
                    {
                        "items": {"ref": "BetaCallableToolAllowedCaller"},
                        "minItems": 1,
                        "type": ["array"],
                    },
                    {"type": ["null"]},
                ]
            },
            "allowed_tools": {
                "anyOf": [
                    {
                        "anyOf": [
                            {"items": {"type": ["string"]}, "type": ["array"]},
                            {"ref": "BetaMCPToolFilter"},
                        ]
                    },
                    {"type": ["null"]},
                ]
            },
            "authorization": {"type": ["string"]},
            "connector_id": {
                "enum": [
                    "connector_dropbox",
                    "connector_gmail",
                    "connector_googlecalendar",
                    "connector_googledrive",
                    "connector_microsoftteams",
                    "connector_outlookcalendar",
                    "connector_outlookemail",
                    "connector_sharepoint",
                ],
                "type": ["string"],
            },
            "defer_loading": {"type": ["boolean"]},
            "headers": {"anyOf": [{"type": ["object"]}, {"type": ["null"]}]},
            "require_approval": {
                "anyOf": [
                    {
                        "anyOf": [
                            {
                                "closed": True,
                                "properties": {
                                    "always": {"ref": "BetaMCPToolFilter"},
                                    "never": {"ref": "BetaMCPToolFilter"},
                                },
                                "type": ["object"],
                            },
                            {"enum": ["always", "never"], "type": ["string"]},
                        ]
                    },
                    {"type": ["null"]},
                ]
            },
            "server_description": {"type": ["string"]},
            "server_label": {"type": ["string"]},
            "server_url": {"type": ["string"]},
            "tunnel_id": {"type": ["string"]},
            "type": {"enum": ["mcp"], "type": ["string"]},
        },
        "required": ["type", "server_label"],
        "type": ["object"],
    },
    "BetaMCPToolCall": {
        "properties": {
            "agent": {"anyOf": [{"ref": "BetaAgentTag"}, {"type": ["null"]}]},
            "approval_request_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "arguments": {"type": ["string"]},
            "error": {"anyOf": [{"ref": "BetaMCPToolCallError"}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "name": {"type": ["string"]},
            "output": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "server_label": {"type": ["string"]},
            "status": {"ref": "BetaMCPToolCallStatus"},
            "type": {"enum": ["mcp_call"], "type": ["string"]},
        },
        "required": ["type", "id", "server_label", "name", "arguments"],
        "type": ["object"],
    },
    "BetaMCPToolCallError": {
        "anyOf": [
            {"ref": "BetaMCPProtocolError"},
            {"ref": "BetaMCPToolExecutionError"},
            {"ref": "BetaHTTPError"},
        ]
    },
    "BetaMCPToolCallStatus": {
        "enum": ["in_progress", "completed", "incomplete", "calling", "failed"],
        "type": ["string"],
    },
    "BetaMCPToolExecutionError": {
        "properties": {
            "content": {},
            "type": {"enum": ["mcp_tool_execution_error"], "type": ["string"]},
        },
        "required": ["type", "content"],
        "type": ["object"],
    },
    "BetaMCPToolFilter": {
        "closed": True,
        "properties": {
            "read_only": {"type": ["boolean"]},
            "tool_names": {"items": {"type": ["string"]}, "type": ["array"]},
        },
        "type": ["object"],
    },
    "BetaMessagePhase": {"enum": ["commentary", "final_answer"], "type": ["string"]},
    "BetaMetadata": {"anyOf": [{"type": ["object"]}, {"type": ["null"]}]},
    "BetaModelIdsCompaction": {
        "anyOf": [{"ref": "BetaModelIdsResponses"}, {"type": ["string"]}, {"type": ["null"]}]
    },
    "BetaModelIdsResponses": {
        "anyOf": [
            {"ref": "BetaModelIdsShared"},
            {
                "enum": [
                    "o1-pro",
                    "o1-pro-2025-03-19",
                    "o3-pro",
                    "o3-pro-2025-06-10",
                    "o3-deep-research",
                    "o3-deep-research-2025-06-26",
                    "o4-mini-deep-research",
                    "o4-mini-deep-research-2025-06-26",
                    "computer-use-preview",
                    "computer-use-preview-2025-03-11",
                    "gpt-5.5-pro",
                    "gpt-5.5-pro-2026-04-23",
                    "gpt-5-codex",
                    "gpt-5-pro",
                    "gpt-5-pro-2025-10-06",
                    "gpt-5.1-codex-max",
                    "gpt-daybreak-blue-latest",
                    "gpt-daybreak-red-latest",
                    "gpt-5.6-cyber",
                ],
                "type": ["string"],
            },
        ]
    },
    "BetaModelIdsShared": {"anyOf": [{"type": ["string"]}, {"type": ["string"]}]},
    "BetaModerationConfigParam": {
        "properties": {"mode": {"ref": "BetaModerationMode"}},
        "required": ["mode"],
        "type": ["object"],
    },
    "BetaModerationMode": {"enum": ["score", "block"], "type": ["string"]},
    "BetaModerationParam": {
        "properties": {
            "model": {"type": ["string"]},
            "policy": {"anyOf": [{"ref": "BetaModerationPolicyParam"}, {"type": ["null"]}]},
        },
        "required": ["model"],
        "type": ["object"],
    },
    "BetaModerationPolicyParam": {
        "properties": {
            "input": {"anyOf": [{"ref": "BetaModerationConfigParam"}, {"type": ["null"]}]},
            "output": {"anyOf": [{"ref": "BetaModerationConfigParam"}, {"type": ["null"]}]},
        },
        "type": ["object"],
    },
    "BetaMoveParam": {
        "properties": {
            "keys": {
                "anyOf": [{"items": {"type": ["string"]}, "type": ["array"]}, {"type": ["null"]}]
            },
            "type": {"enum": ["move"], "type": ["string"]},
            "x": {"type": ["integer"]},
            "y": {"type": ["integer"]},
        },
        "required": ["type", "x", "y"],
        "type": ["object"],
    },
    "BetaMultiAgentAction1": {
        "enum": [
            "spawn_agent",
            "interrupt_agent",
            "list_agents",
            "send_message",
            "followup_task",
            "wait_agent",
        ],
        "type": ["string"],
    },
    "BetaMultiAgentCallItemParam": {
        "properties": {
            "action": {"ref": "BetaMultiAgentAction1"},
            "agent": {"anyOf": [{"ref": "Beta_AgentTagParam"}, {"type": ["null"]}]},
            "arguments": {"type": ["string"]},
            "call_id": {"maxLength": 64, "type": ["string"]},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "type": {"enum": ["multi_agent_call"], "type": ["string"]},
        },
        "required": ["call_id", "type", "action", "arguments"],
        "type": ["object"],
    },
    "BetaMultiAgentCallOutputItemParam": {
        "properties": {
            "action": {"ref": "BetaMultiAgentAction1"},
            "agent": {"anyOf": [{"ref": "Beta_AgentTagParam"}, {"type": ["null"]}]},
            "call_id": {"maxLength": 64, "type": ["string"]},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "output": {"items": {"ref": "BetaOutputTextContentParam"}, "type": ["array"]},
            "type": {"enum": ["multi_agent_call_output"], "type": ["string"]},
        },
        "required": ["call_id", "type", "action", "output"],
        "type": ["object"],
    },
    "BetaMultiAgentParam": {
        "properties": {
            "enabled": {"type": ["boolean"]},
            "max_concurrent_subagents": {"minimum": 1, "type": ["integer"]},
        },
        "required": ["enabled"],
        "type": ["object"],
    },
    "BetaNamespaceToolParam": {
        "properties": {
            "description": {"type": ["string"]},
            "name": {"type": ["string"]},
            "tools": {
                "items": {
                    "anyOf": [{"ref": "BetaFunctionToolParam"}, {"ref": "BetaCustomToolParam"}]
                },
                "minItems": 1,
                "type": ["array"],
            },
            "type": {"enum": ["namespace"], "type": ["string"]},
        },
        "required": ["type", "name", "description", "tools"],
        "type": ["object"],
    },
    "BetaOutputMessage": {
        "properties": {
            "agent": {"anyOf": [{"ref": "BetaAgentTag"}, {"type": ["null"]}]},
            "content": {"items": {"ref": "BetaOutputMessageContent"}, "type": ["array"]},
            "id": {"type": ["string"]},
            "phase": {"anyOf": [{"ref": "BetaMessagePhase"}, {"type": ["null"]}]},
            "role": {"enum": ["assistant"], "type": ["string"]},
            "status": {"enum": ["in_progress", "completed", "incomplete"], "type": ["string"]},
            "type": {"enum": ["message"], "type": ["string"]},
        },
        "required": ["id", "type", "role", "content", "status"],
        "type": ["object"],
    },
    "BetaOutputMessageContent": {
        "anyOf": [{"ref": "BetaOutputTextContent"}, {"ref": "BetaRefusalContent"}]
    },
    "BetaOutputTextContent": {
        "properties": {
            "annotations": {"items": {"ref": "BetaAnnotation"}, "type": ["array"]},
            "logprobs": {"items": {"ref": "BetaLogProb"}, "type": ["array"]},
            "text": {"type": ["string"]},
            "type": {"enum": ["output_text"], "type": ["string"]},
        },
        "required": ["type", "text", "annotations", "logprobs"],
        "type": ["object"],
    },
    "BetaOutputTextContentParam": {
        "properties": {
            "annotations": {
                "items": {
                    "anyOf": [
                        {"ref": "BetaFileCitationParam"},
                        {"ref": "BetaUrlCitationParam"},
                        {"ref": "BetaContainerFileCitationParam"},
                    ]
                },
                "type": ["array"],
            },
            "text": {"maxLength": 10485760, "type": ["string"]},
            "type": {"enum": ["output_text"], "type": ["string"]},
        },
        "required": ["type", "text"],
        "type": ["object"],
    },
    "BetaPersonalityEnum": {
        "anyOf": [{"type": ["string"]}, {"enum": ["friendly", "pragmatic"], "type": ["string"]}]
    },
    "BetaProgramItemParam": {
        "properties": {
            "agent": {"anyOf": [{"ref": "Beta_AgentTagParam"}, {"type": ["null"]}]},
            "call_id": {"maxLength": 64, "type": ["string"]},
            "code": {"maxLength": 10485760, "type": ["string"]},
            "fingerprint": {"maxLength": 10485760, "type": ["string"]},
            "id": {"type": ["string"]},
            "type": {"enum": ["program"], "type": ["string"]},
        },
        "required": ["id", "type", "call_id", "code", "fingerprint"],
        "type": ["object"],
    },
    "BetaProgramOutputItemParam": {
        "properties": {
            "agent": {"anyOf": [{"ref": "Beta_AgentTagParam"}, {"type": ["null"]}]},
            "call_id": {"maxLength": 64, "type": ["string"]},
            "id": {"type": ["string"]},
            "result": {"maxLength": 10485760, "type": ["string"]},
            "status": {"ref": "BetaProgramOutputItemStatus"},
            "type": {"enum": ["program_output"], "type": ["string"]},
        },
        "required": ["id", "type", "call_id", "result", "status"],
        "type": ["object"],
    },
    "BetaProgramOutputItemStatus": {"enum": ["completed", "incomplete"], "type": ["string"]},
    "BetaProgramToolCallCaller": {
        "properties": {
            "caller_id": {"type": ["string"]},
            "type": {"enum": ["program"], "type": ["string"]},
        },
        "required": ["type", "caller_id"],
        "type": ["object"],
    },
    "BetaProgramToolCallCallerParam": {
        "properties": {
            "caller_id": {"maxLength": 64, "type": ["string"]},
            "type": {"enum": ["program"], "type": ["string"]},
        },
        "required": ["type", "caller_id"],
        "type": ["object"],
    },
    "BetaProgrammaticToolCallingParam": {
        "properties": {"type": {"enum": ["programmatic_tool_calling"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "BetaPrompt": {
        "anyOf": [
            {
                "properties": {
                    "id": {"type": ["string"]},
                    "variables": {"ref": "BetaResponsePromptVariables"},
                    "version": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
                },
                "required": ["id"],
                "type": ["object"],
            },
            {"type": ["null"]},
        ]
    },
    "BetaPromptCacheBreakpointConfig": {
        "properties": {"mode": {"enum": ["explicit"], "type": ["string"]}},
        "required": ["mode"],
        "type": ["object"],
    },
    "BetaPromptCacheBreakpointParam": {
        "properties": {"mode": {"enum": ["explicit"], "type": ["string"]}},
        "required": ["mode"],
        "type": ["object"],
    },
    "BetaPromptCacheModeEnum": {"enum": ["implicit", "explicit"], "type": ["string"]},
    "BetaPromptCacheOptionsParam": {
        "properties": {
            "mode": {"ref": "BetaPromptCacheModeEnum"},
            "ttl": {"ref": "BetaPromptCacheTTLEnum"},
        },
        "type": ["object"],
    },
    "BetaPromptCacheRetentionEnum": {"enum": ["in_memory", "24h"], "type": ["string"]},
    "BetaPromptCacheTTLEnum": {"enum": ["30m"], "type": ["string"]},
    "BetaRankerVersionType": {"enum": ["auto", "default-2024-11-15"], "type": ["string"]},
    "BetaRankingOptions": {
        "properties": {
            "hybrid_search": {"ref": "BetaHybridSearchOptions"},
            "ranker": {"ref": "BetaRankerVersionType"},
            "score_threshold": {"type": ["number"]},
        },
        "type": ["object"],
    },
    "BetaReasoning": {
        "properties": {
            "context": {
                "anyOf": [
                    {"enum": ["auto", "current_turn", "all_turns"], "type": ["string"]},
                    {"type": ["null"]},
                ]
            },
            "effort": {"ref": "BetaReasoningEffort"},
            "generate_summary": {
                "anyOf": [
                    {"enum": ["auto", "concise", "detailed"], "type": ["string"]},
                    {"type": ["null"]},
                ]
            },
            "mode": {"ref": "BetaReasoningModeEnum"},
            "summary": {
                "anyOf": [
                    {"enum": ["auto", "concise", "detailed"], "type": ["string"]},
                    {"type": ["null"]},
                ]
            },
        },
        "type": ["object"],
    },
    "BetaReasoningEffort": {
        "anyOf": [
            {
                "enum": ["none", "minimal", "low", "medium", "high", "xhigh", "max"],
                "type": ["string"],
            },
            {"type": ["null"]},
        ]
    },
    "BetaReasoningItem": {
        "properties": {
            "agent": {"anyOf": [{"ref": "BetaAgentTag"}, {"type": ["null"]}]},
            "content": {"items": {"ref": "BetaReasoningTextContent"}, "type": ["array"]},
            "encrypted_content": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "status": {"enum": ["in_progress", "completed", "incomplete"], "type": ["string"]},
            "summary": {"items": {"ref": "BetaSummaryTextContent"}, "type": ["array"]},
            "type": {"enum": ["reasoning"], "type": ["string"]},
        },
        "required": ["id", "summary", "type"],
        "type": ["object"],
    },
    "BetaReasoningModeEnum": {
        "anyOf": [{"type": ["string"]}, {"enum": ["standard", "pro"], "type": ["string"]}]
    },
    "BetaReasoningTextContent": {
        "properties": {
            "text": {"type": ["string"]},
            "type": {"enum": ["reasoning_text"], "type": ["string"]},
        },
        "required": ["type", "text"],
        "type": ["object"],
    },
    "BetaRefusalContent": {
        "properties": {
            "refusal": {"type": ["string"]},
            "type": {"enum": ["refusal"], "type": ["string"]},
        },
        "required": ["type", "refusal"],
        "type": ["object"],
    },
    "BetaResponseFormatJsonObject": {
        "properties": {"type": {"enum": ["json_object"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "BetaResponseFormatJsonSchemaSchema": {"type": ["object"]},
    "BetaResponseFormatText": {
        "properties": {"type": {"enum": ["text"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "BetaResponsePromptVariables": {"anyOf": [{"type": ["object"]}, {"type": ["null"]}]},
    "BetaResponseStreamOptions": {
        "anyOf": [
            {"properties": {"include_obfuscation": {"type": ["boolean"]}}, "type": ["object"]},
            {"type": ["null"]},
        ]
    },
    "BetaResponseTextParam": {
        "properties": {
            "format": {"ref": "BetaTextResponseFormatConfiguration"},
            "verbosity": {"ref": "BetaVerbosity"},
        },
        "type": ["object"],
    },
    "BetaScreenshotParam": {
        "properties": {"type": {"enum": ["screenshot"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "BetaScrollParam": {
        "properties": {
            "keys": {
                "anyOf": [{"items": {"type": ["string"]}, "type": ["array"]}, {"type": ["null"]}]
            },
            "scroll_x": {"type": ["integer"]},
            "scroll_y": {"type": ["integer"]},
            "type": {"enum": ["scroll"], "type": ["string"]},
            "x": {"type": ["integer"]},
            "y": {"type": ["integer"]},
        },
        "required": ["type", "x", "y", "scroll_x", "scroll_y"],
        "type": ["object"],
    },
    "BetaSearchContentType": {"enum": ["text", "image"], "type": ["string"]},
    "BetaSearchContextSize": {"enum": ["low", "medium", "high"], "type": ["string"]},
    "BetaServiceTierEnum": {
        "enum": ["auto", "default", "fast", "flex", "priority"],
        "type": ["string"],
    },
    "BetaServiceTierResponses": {
        "anyOf": [
            {
                "enum": ["auto", "default", "flex", "scale", "priority", "fast", "ultrafast"],
                "type": ["string"],
            },
            {"type": ["null"]},
        ]
    },
    "BetaSkillReferenceParam": {
        "properties": {
            "skill_id": {"maxLength": 64, "type": ["string"]},
            "type": {"enum": ["skill_reference"], "type": ["string"]},
            "version": {"type": ["string"]},
        },
        "required": ["type", "skill_id"],
        "type": ["object"],
    },
    "BetaSpecificApplyPatchParam": {
        "properties": {"type": {"enum": ["apply_patch"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "BetaSpecificFunctionShellParam": {
        "properties": {"type": {"enum": ["shell"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "BetaSpecificProgrammaticToolCallingParam": {
        "properties": {"type": {"enum": ["programmatic_tool_calling"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "BetaSummaryTextContent": {
        "properties": {
            "text": {"type": ["string"]},
            "type": {"enum": ["summary_text"], "type": ["string"]},
        },
        "required": ["type", "text"],
        "type": ["object"],
    },
    "BetaTextResponseFormatConfiguration": {
        "anyOf": [
            {"ref": "BetaResponseFormatText"},
            {"ref": "BetaTextResponseFormatJsonSchema"},
            {"ref": "BetaResponseFormatJsonObject"},
        ]
    },
    "BetaTextResponseFormatJsonSchema": {
        "properties": {
            "description": {"type": ["string"]},
            "name": {"type": ["string"]},
            "schema": {"ref": "BetaResponseFormatJsonSchemaSchema"},
            "strict": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "type": {"enum": ["json_schema"], "type": ["string"]},
        },
        "required": ["type", "schema", "name"],
        "type": ["object"],
    },
    "BetaTokenCountsBody": {
        "properties": {
            "conversation": {"anyOf": [{"ref": "BetaConversationParam"}, {"type": ["null"]}]},
            "input": {
                "anyOf": [
                    {
                        "anyOf": [
                            {"maxLength": 10485760, "type": ["string"]},
                            {"items": {"ref": "BetaInputItem"}, "type": ["array"]},
                        ]
                    },
                    {"type": ["null"]},
                ]
            },
            "instructions": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "model": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "parallel_tool_calls": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "personality": {"ref": "BetaPersonalityEnum"},
            "previous_response_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "reasoning": {"anyOf": [{"ref": "BetaReasoning"}, {"type": ["null"]}]},
            "text": {"anyOf": [{"ref": "BetaResponseTextParam"}, {"type": ["null"]}]},
            "tool_choice": {"anyOf": [{"ref": "BetaToolChoiceParam"}, {"type": ["null"]}]},
            "tools": {
                "anyOf": [{"items": {"ref": "BetaTool"}, "type": ["array"]}, {"type": ["null"]}]
            },
            "truncation": {"ref": "BetaTruncationEnum"},
        },
        "type": ["object"],
    },
    "BetaTool": {
        "anyOf": [
            {"ref": "BetaFunctionTool"},
            {"ref": "BetaFileSearchTool"},
            {"ref": "BetaComputerTool"},
            {"ref": "BetaComputerUsePreviewTool"},
            {"ref": "BetaWebSearchTool"},
            {"ref": "BetaMCPTool"},
            {"ref": "BetaCodeInterpreterTool"},
            {"ref": "BetaProgrammaticToolCallingParam"},
            {"ref": "BetaImageGenTool"},
            {"ref": "BetaLocalShellToolParam"},
            {"ref": "BetaFunctionShellToolParam"},
            {"ref": "BetaCustomToolParam"},
            {"ref": "BetaNamespaceToolParam"},
            {"ref": "BetaToolSearchToolParam"},
            {"ref": "BetaWebSearchPreviewTool"},
            {"ref": "BetaApplyPatchToolParam"},
        ]
    },
    "BetaToolCallCaller": {
        "anyOf": [{"ref": "BetaDirectToolCallCaller"}, {"ref": "BetaProgramToolCallCaller"}]
    },
    "BetaToolCallCallerParam": {
        "anyOf": [
            {"ref": "BetaDirectToolCallCallerParam"},
            {"ref": "BetaProgramToolCallCallerParam"},
        ]
    },
    "BetaToolChoiceAllowed": {
        "properties": {
            "mode": {"enum": ["auto", "required"], "type": ["string"]},
            "tools": {"items": {"type": ["object"]}, "type": ["array"]},
            "type": {"enum": ["allowed_tools"], "type": ["string"]},
        },
        "required": ["type", "mode", "tools"],
        "type": ["object"],
    },
    "BetaToolChoiceCustom": {
        "properties": {
            "name": {"type": ["string"]},
            "type": {"enum": ["custom"], "type": ["string"]},
        },
        "required": ["type", "name"],
        "type": ["object"],
    },
    "BetaToolChoiceFunction": {
        "properties": {
            "name": {"type": ["string"]},
            "type": {"enum": ["function"], "type": ["string"]},
        },
        "required": ["type", "name"],
        "type": ["object"],
    },
    "BetaToolChoiceMCP": {
        "properties": {
            "name": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "server_label": {"type": ["string"]},
            "type": {"enum": ["mcp"], "type": ["string"]},
        },
        "required": ["type", "server_label"],
        "type": ["object"],
    },
    "BetaToolChoiceOptions": {"enum": ["none", "auto", "required"], "type": ["string"]},
    "BetaToolChoiceParam": {
        "anyOf": [
            {"ref": "BetaToolChoiceOptions"},
            {"ref": "BetaToolChoiceAllowed"},
            {"ref": "BetaToolChoiceTypes"},
            {"ref": "BetaToolChoiceFunction"},
            {"ref": "BetaToolChoiceMCP"},
            {"ref": "BetaToolChoiceCustom"},
            {"ref": "BetaSpecificProgrammaticToolCallingParam"},
            {"ref": "BetaSpecificApplyPatchParam"},
            {"ref": "BetaSpecificFunctionShellParam"},
        ]
    },
    "BetaToolChoiceTypes": {
        "properties": {
            "type": {
                "enum": [
                    "file_search",
                    "web_search_preview",
                    "computer",
                    "computer_use_preview",
                    "computer_use",
                    "web_search_preview_2025_03_11",
                    "image_generation",
                    "code_interpreter",
                ],
                "type": ["string"],
            }
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaToolSearchCallItemParam": {
        "properties": {
            "agent": {"anyOf": [{"ref": "Beta_AgentTagParam"}, {"type": ["null"]}]},
            "arguments": {"ref": "BetaEmptyModelParam"},
            "call_id": {"anyOf": [{"maxLength": 64, "type": ["string"]}, {"type": ["null"]}]},
            "execution": {"ref": "BetaToolSearchExecutionType"},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "status": {"anyOf": [{"ref": "BetaFunctionCallItemStatus"}, {"type": ["null"]}]},
            "type": {"enum": ["tool_search_call"], "type": ["string"]},
        },
        "required": ["type", "arguments"],
        "type": ["object"],
    },
    "BetaToolSearchExecutionType": {"enum": ["server", "client"], "type": ["string"]},
    "BetaToolSearchOutputItemParam": {
        "properties": {
            "agent": {"anyOf": [{"ref": "Beta_AgentTagParam"}, {"type": ["null"]}]},
            "call_id": {"anyOf": [{"maxLength": 64, "type": ["string"]}, {"type": ["null"]}]},
            "execution": {"ref": "BetaToolSearchExecutionType"},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "status": {"anyOf": [{"ref": "BetaFunctionCallItemStatus"}, {"type": ["null"]}]},
            "tools": {"items": {"ref": "BetaTool"}, "type": ["array"]},
            "type": {"enum": ["tool_search_output"], "type": ["string"]},
        },
        "required": ["type", "tools"],
        "type": ["object"],
    },
    "BetaToolSearchToolParam": {
        "properties": {
            "description": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "execution": {"ref": "BetaToolSearchExecutionType"},
            "parameters": {"anyOf": [{"ref": "BetaEmptyModelParam"}, {"type": ["null"]}]},
            "type": {"enum": ["tool_search"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaToolsArray": {"items": {"ref": "BetaTool"}, "type": ["array"]},
    "BetaTopLogProb": {
        "properties": {
            "bytes": {"items": {"type": ["integer"]}, "type": ["array"]},
            "logprob": {"type": ["number"]},
            "token": {"type": ["string"]},
        },
        "required": ["token", "logprob", "bytes"],
        "type": ["object"],
    },
    "BetaTruncationEnum": {"enum": ["auto", "disabled"], "type": ["string"]},
    "BetaTypeParam": {
        "properties": {
            "text": {"type": ["string"]},
            "type": {"enum": ["type"], "type": ["string"]},
        },
        "required": ["type", "text"],
        "type": ["object"],
    },
    "BetaUrlCitationBody": {
        "properties": {
            "end_index": {"type": ["integer"]},
            "start_index": {"type": ["integer"]},
            "title": {"type": ["string"]},
            "type": {"enum": ["url_citation"], "type": ["string"]},
            "url": {"type": ["string"]},
        },
        "required": ["type", "url", "start_index", "end_index", "title"],
        "type": ["object"],
    },
    "BetaUrlCitationParam": {
        "properties": {
            "end_index": {"minimum": 0, "type": ["integer"]},
            "start_index": {"minimum": 0, "type": ["integer"]},
            "title": {"type": ["string"]},
            "type": {"enum": ["url_citation"], "type": ["string"]},
            "url": {"type": ["string"]},
        },
        "required": ["type", "start_index", "end_index", "url", "title"],
        "type": ["object"],
    },
    "BetaVectorStoreFileAttributes": {"anyOf": [{"type": ["object"]}, {"type": ["null"]}]},
    "BetaVerbosity": {
        "anyOf": [{"enum": ["low", "medium", "high"], "type": ["string"]}, {"type": ["null"]}]
    },
    "BetaWaitParam": {
        "properties": {"type": {"enum": ["wait"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "BetaWebSearchActionFind": {
        "properties": {
            "pattern": {"type": ["string"]},
            "type": {"enum": ["find_in_page"], "type": ["string"]},
            "url": {"type": ["string"]},
        },
        "required": ["type", "url", "pattern"],
        "type": ["object"],
    },
    "BetaWebSearchActionOpenPage": {
        "properties": {
            "type": {"enum": ["open_page"], "type": ["string"]},
            "url": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaWebSearchActionSearch": {
        "properties": {
            "queries": {"items": {"type": ["string"]}, "type": ["array"]},
            "query": {"type": ["string"]},
            "sources": {
                "items": {
                    "properties": {
                        "type": {"enum": ["url"], "type": ["string"]},
                        "url": {"type": ["string"]},
                    },
                    "required": ["type", "url"],
                    "type": ["object"],
                },
                "type": ["array"],
            },
            "type": {"enum": ["search"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaWebSearchApproximateLocation": {
        "anyOf": [
            {
                "properties": {
                    "city": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
                    "country": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
                    "region": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
                    "timezone": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
                    "type": {"enum": ["approximate"], "type": ["string"]},
                },
                "type": ["object"],
            },
            {"type": ["null"]},
        ]
    },
    "BetaWebSearchPreviewTool": {
        "properties": {
            "search_content_types": {"items": {"ref": "BetaSearchContentType"}, "type": ["array"]},
            "search_context_size": {"ref": "BetaSearchContextSize"},
            "type": {
                "enum": ["web_search_preview", "web_search_preview_2025_03_11"],
                "type": ["string"],
            },
            "user_location": {"anyOf": [{"ref": "BetaApproximateLocation"}, {"type": ["null"]}]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaWebSearchTool": {
        "properties": {
            "external_web_access": {"type": ["boolean"]},
            "filters": {
                "anyOf": [
                    {
                        "properties": {
                            "allowed_domains": {
                                "anyOf": [
                                    {"items": {"type": ["string"]}, "type": ["array"]},
                                    {"type": ["null"]},
                                ]
                            }
                        },
                        "type": ["object"],
                    },
                    {"type": ["null"]},
                ]
            },
            "search_context_size": {"enum": ["low", "medium", "high"], "type": ["string"]},
            "type": {"enum": ["web_search", "web_search_2025_08_26"], "type": ["string"]},
            "user_location": {"ref": "BetaWebSearchApproximateLocation"},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "BetaWebSearchToolCall": {
        "properties": {
            "action": {
                "anyOf": [
                    {"ref": "BetaWebSearchActionSearch"},
                    {"ref": "BetaWebSearchActionOpenPage"},
                    {"ref": "BetaWebSearchActionFind"},
                ],
                "type": ["object"],
            },
            "agent": {"anyOf": [{"ref": "BetaAgentTag"}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "status": {
                "enum": ["in_progress", "searching", "completed", "failed"],
                "type": ["string"],
            },
            "type": {"enum": ["web_search_call"], "type": ["string"]},
        },
        "required": ["id", "type", "status", "action"],
        "type": ["object"],
    },
    "Beta_AgentTagParam": {
        "properties": {"agent_name": {"type": ["string"]}},
        "required": ["agent_name"],
        "type": ["object"],
    },
    "CallableToolAllowedCaller": {"enum": ["direct", "programmatic"], "type": ["string"]},
    "ChatCompletionAllowedTools": {
        "properties": {
            "mode": {"enum": ["auto", "required"], "type": ["string"]},
            "tools": {"items": {"type": ["object"]}, "type": ["array"]},
        },
        "required": ["mode", "tools"],
        "type": ["object"],
    },
    "ChatCompletionAllowedToolsChoice": {
        "properties": {
            "allowed_tools": {"ref": "ChatCompletionAllowedTools"},
            "type": {"enum": ["allowed_tools"], "type": ["string"]},
        },
        "required": ["type", "allowed_tools"],
        "type": ["object"],
    },
    "ChatCompletionFunctionCallOption": {
        "properties": {"name": {"type": ["string"]}},
        "required": ["name"],
        "type": ["object"],
    },
    "ChatCompletionFunctions": {
        "properties": {
            "description": {"type": ["string"]},
            "name": {"type": ["string"]},
            "parameters": {"ref": "FunctionParameters"},
        },
        "required": ["name"],
        "type": ["object"],
    },
    "ChatCompletionMessageCustomToolCall": {
        "properties": {
            "custom": {
                "properties": {"input": {"type": ["string"]}, "name": {"type": ["string"]}},
                "required": ["name", "input"],
                "type": ["object"],
            },
            "id": {"type": ["string"]},
            "type": {"enum": ["custom"], "type": ["string"]},
        },
        "required": ["id", "type", "custom"],
        "type": ["object"],
    },
    "ChatCompletionMessageToolCall": {
        "properties": {
            "function": {
                "properties": {"arguments": {"type": ["string"]}, "name": {"type": ["string"]}},
                "required": ["name", "arguments"],
                "type": ["object"],
            },
            "id": {"type": ["string"]},
            "type": {"enum": ["function"], "type": ["string"]},
        },
        "required": ["id", "type", "function"],
        "type": ["object"],
    },
    "ChatCompletionMessageToolCalls": {
        "items": {
            "anyOf": [
                {"ref": "ChatCompletionMessageToolCall"},
                {"ref": "ChatCompletionMessageCustomToolCall"},
            ]
        },
        "type": ["array"],
    },
    "ChatCompletionNamedToolChoice": {
        "properties": {
            "function": {
                "properties": {"name": {"type": ["string"]}},
                "required": ["name"],
                "type": ["object"],
            },
            "type": {"enum": ["function"], "type": ["string"]},
        },
        "required": ["type", "function"],
        "type": ["object"],
    },
    "ChatCompletionNamedToolChoiceCustom": {
        "properties": {
            "custom": {
                "properties": {"name": {"type": ["string"]}},
                "required": ["name"],
                "type": ["object"],
            },
            "type": {"enum": ["custom"], "type": ["string"]},
        },
        "required": ["type", "custom"],
        "type": ["object"],
    },
    "ChatCompletionRequestAssistantMessage": {
        "properties": {
            "audio": {
                "anyOf": [
                    {
                        "properties": {"id": {"type": ["string"]}},
                        "required": ["id"],
                        "type": ["object"],
                    },
                    {"type": ["null"]},
                ]
            },
            "content": {
                "anyOf": [
                    {
                        "anyOf": [
                            {"type": ["string"]},
                            {
                                "items": {
                                    "ref": "ChatCompletionRequestAssistantMessageContentPart"
                                },
                                "minItems": 1,
                                "type": ["array"],
                            },
                        ]
                    },
                    {"type": ["null"]},
                ]
            },
            "function_call": {
                "anyOf": [
                    {
                        "properties": {
                            "arguments": {"type": ["string"]},
                            "name": {"type": ["string"]},
                        },
                        "required": ["arguments", "name"],
                        "type": ["object"],
                    },
                    {"type": ["null"]},
                ]
            },
            "name": {"type": ["string"]},
            "refusal": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "role": {"enum": ["assistant"], "type": ["string"]},
            "tool_calls": {"ref": "ChatCompletionMessageToolCalls"},
        },
        "required": ["role"],
        "type": ["object"],
    },
    "ChatCompletionRequestAssistantMessageContentPart": {
        "anyOf": [
            {"ref": "ChatCompletionRequestMessageContentPartText"},
            {"ref": "ChatCompletionRequestMessageContentPartRefusal"},
        ]
    },
    "ChatCompletionRequestDeveloperMessage": {
        "properties": {
            "content": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "items": {"ref": "ChatCompletionRequestMessageContentPartText"},
                        "minItems": 1,
                        "type": ["array"],
                    },
                ]
            },
            "name": {"type": ["string"]},
            "role": {"enum": ["developer"], "type": ["string"]},
        },
        "required": ["content", "role"],
        "type": ["object"],
    },
    "ChatCompletionRequestFunctionMessage": {
        "properties": {
            "content": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "name": {"type": ["string"]},
            "role": {"enum": ["function"], "type": ["string"]},
        },
        "required": ["role", "content", "name"],
        "type": ["object"],
    },
    "ChatCompletionRequestMessage": {
        "anyOf": [
            {"ref": "ChatCompletionRequestDeveloperMessage"},
            {"ref": "ChatCompletionRequestSystemMessage"},
            {"ref": "ChatCompletionRequestUserMessage"},
            {"ref": "ChatCompletionRequestAssistantMessage"},
            {"ref": "ChatCompletionRequestToolMessage"},
            {"ref": "ChatCompletionRequestFunctionMessage"},
        ]
    },
    "ChatCompletionRequestMessageContentPartAudio": {
        "properties": {
            "input_audio": {
                "properties": {
                    "data": {"type": ["string"]},
                    "format": {"enum": ["wav", "mp3"], "type": ["string"]},
                },
                "required": ["data", "format"],
                "type": ["object"],
            },
            "prompt_cache_breakpoint": {"ref": "PromptCacheBreakpointParam"},
            "type": {"enum": ["input_audio"], "type": ["string"]},
        },
        "required": ["type", "input_audio"],
        "type": ["object"],
    },
    "ChatCompletionRequestMessageContentPartFile": {
        "properties": {
            "file": {
                "properties": {
                    "file_data": {"type": ["string"]},
                    "file_id": {"type": ["string"]},
                    "filename": {"type": ["string"]},
                },
                "type": ["object"],
            },
            "prompt_cache_breakpoint": {"ref": "PromptCacheBreakpointParam"},
            "type": {"enum": ["file"], "type": ["string"]},
        },
        "required": ["type", "file"],
        "type": ["object"],
    },
    "ChatCompletionRequestMessageContentPartImage": {
        "properties": {
            "image_url": {
                "properties": {
                    "detail": {"enum": ["auto", "low", "high"], "type": ["string"]},
                    "url": {"type": ["string"]},
                },
                "required": ["url"],
                "type": ["object"],
            },
            "prompt_cache_breakpoint": {"ref": "PromptCacheBreakpointParam"},
            "type": {"enum": ["image_url"], "type": ["string"]},
        },
        "required": ["type", "image_url"],
        "type": ["object"],
    },
    "ChatCompletionRequestMessageContentPartRefusal": {
        "properties": {
            "refusal": {"type": ["string"]},
            "type": {"enum": ["refusal"], "type": ["string"]},
        },
        "required": ["type", "refusal"],
        "type": ["object"],
    },
    "ChatCompletionRequestMessageContentPartText": {
        "properties": {
            "prompt_cache_breakpoint": {"ref": "PromptCacheBreakpointParam"},
            "text": {"type": ["string"]},
            "type": {"enum": ["text"], "type": ["string"]},
        },
        "required": ["type", "text"],
        "type": ["object"],
    },
    "ChatCompletionRequestSystemMessage": {
        "properties": {
            "content": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "items": {"ref": "ChatCompletionRequestSystemMessageContentPart"},
                        "minItems": 1,
                        "type": ["array"],
                    },
                ]
            },
            "name": {"type": ["string"]},
            "role": {"enum": ["system"], "type": ["string"]},
        },
        "required": ["content", "role"],
        "type": ["object"],
    },
    "ChatCompletionRequestSystemMessageContentPart": {
        "anyOf": [{"ref": "ChatCompletionRequestMessageContentPartText"}]
    },
    "ChatCompletionRequestToolMessage": {
        "properties": {
            "content": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "items": {"ref": "ChatCompletionRequestToolMessageContentPart"},
                        "minItems": 1,
                        "type": ["array"],
                    },
                ]
            },
            "role": {"enum": ["tool"], "type": ["string"]},
            "tool_call_id": {"type": ["string"]},
        },
        "required": ["role", "content", "tool_call_id"],
        "type": ["object"],
    },
    "ChatCompletionRequestToolMessageContentPart": {
        "anyOf": [{"ref": "ChatCompletionRequestMessageContentPartText"}]
    },
    "ChatCompletionRequestUserMessage": {
        "properties": {
            "content": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "items": {"ref": "ChatCompletionRequestUserMessageContentPart"},
                        "minItems": 1,
                        "type": ["array"],
                    },
                ]
            },
            "name": {"type": ["string"]},
            "role": {"enum": ["user"], "type": ["string"]},
        },
        "required": ["content", "role"],
        "type": ["object"],
    },
    "ChatCompletionRequestUserMessageContentPart": {
        "anyOf": [
            {"ref": "ChatCompletionRequestMessageContentPartText"},
            {"ref": "ChatCompletionRequestMessageContentPartImage"},
            {"ref": "ChatCompletionRequestMessageContentPartAudio"},
            {"ref": "ChatCompletionRequestMessageContentPartFile"},
        ]
    },
    "ChatCompletionStreamOptions": {
        "anyOf": [
            {
                "properties": {
                    "include_obfuscation": {"type": ["boolean"]},
                    "include_usage": {"type": ["boolean"]},
                },
                "type": ["object"],
            },
            {"type": ["null"]},
        ]
    },
    "ChatCompletionTool": {
        "properties": {
            "function": {"ref": "FunctionObject"},
            "type": {"enum": ["function"], "type": ["string"]},
        },
        "required": ["type", "function"],
        "type": ["object"],
    },
    "ChatCompletionToolChoiceOption": {
        "anyOf": [
            {"enum": ["none", "auto", "required"], "type": ["string"]},
            {"ref": "ChatCompletionAllowedToolsChoice"},
            {"ref": "ChatCompletionNamedToolChoice"},
            {"ref": "ChatCompletionNamedToolChoiceCustom"},
        ]
    },
    "ChatkitConfigurationParam": {
        "properties": {
            "automatic_thread_titling": {"ref": "AutomaticThreadTitlingParam"},
            "file_upload": {"ref": "FileUploadParam"},
            "history": {"ref": "HistoryParam"},
        },
        "type": ["object"],
    },
    "ChunkingStrategyRequestParam": {
        "anyOf": [
            {"ref": "AutoChunkingStrategyRequestParam"},
            {"ref": "StaticChunkingStrategyRequestParam"},
        ],
        "type": ["object"],
    },
    "ClickButtonType": {"enum": ["left", "right", "wheel", "back", "forward"], "type": ["string"]},
    "ClickParam": {
        "properties": {
            "button": {"ref": "ClickButtonType"},
            "keys": {
                "anyOf": [{"items": {"type": ["string"]}, "type": ["array"]}, {"type": ["null"]}]
            },
            "type": {"enum": ["click"], "type": ["string"]},
            "x": {"type": ["integer"]},
            "y": {"type": ["integer"]},
        },
        "required": ["type", "button", "x", "y"],
        "type": ["object"],
    },
    "CodeInterpreterOutputImage": {
        "properties": {
            "type": {"enum": ["image"], "type": ["string"]},
            "url": {"type": ["string"]},
        },
        "required": ["type", "url"],
        "type": ["object"],
    },
    "CodeInterpreterOutputLogs": {
        "properties": {
            "logs": {"type": ["string"]},
            "type": {"enum": ["logs"], "type": ["string"]},
        },
        "required": ["type", "logs"],
        "type": ["object"],
    },
    "CodeInterpreterTool": {
        "properties": {
            "allowed_callers": {
                "anyOf": [
                    {
                        "items": {"ref": "CallableToolAllowedCaller"},
                        "minItems": 1,
                        "type": ["array"],
                    },
                    {"type": ["null"]},
                ]
            },
            "container": {"anyOf": [{"type": ["string"]}, {"ref": "AutoCodeInterpreterToolParam"}]},
            "type": {"enum": ["code_interpreter"], "type": ["string"]},
        },
        "required": ["type", "container"],
        "type": ["object"],
    },
    "CodeInterpreterToolCall": {
        "properties": {
            "code": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "container_id": {"type": ["string"]},
            "id": {"type": ["string"]},
            "outputs": {
                "anyOf": [
                    {
                        "items": {
                            "anyOf": [
                                {"ref": "CodeInterpreterOutputLogs"},
                                {"ref": "CodeInterpreterOutputImage"},
                            ]
                        },
                        "type": ["array"],
                    },
                    {"type": ["null"]},
                ]
            },
            "status": {
                "enum": ["in_progress", "completed", "incomplete", "interpreting", "failed"],
                "type": ["string"],
            },
            "type": {"enum": ["code_interpreter_call"], "type": ["string"]},
        },
        "required": ["type", "id", "status", "container_id", "code", "outputs"],
        "type": ["object"],
    },
    "CompactResponseMethodPublicBody": {
        "properties": {
            "input": {
                "anyOf": [
                    {
                        "anyOf": [
                            {"maxLength": 10485760, "type": ["string"]},
                            {"items": {"ref": "InputItem"}, "type": ["array"]},
                        ]
                    },
                    {"type": ["null"]},
                ]
            },
            "instructions": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "model": {"ref": "ModelIdsCompaction"},
            "previous_response_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "prompt_cache_key": {
                "anyOf": [{"maxLength": 64, "type": ["string"]}, {"type": ["null"]}]
            },
            "prompt_cache_options": {
                "anyOf": [{"ref": "PromptCacheOptionsParam"}, {"type": ["null"]}]
            },
            "prompt_cache_retention": {
                "anyOf": [{"ref": "PromptCacheRetentionEnum"}, {"type": ["null"]}]
            },
            "service_tier": {"anyOf": [{"ref": "ServiceTierEnum"}, {"type": ["null"]}]},
        },
        "required": ["model"],
        "type": ["object"],
    },
    "CompactionSummaryItemParam": {
        "properties": {
            "encrypted_content": {"maxLength": 20971520, "type": ["string"]},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "type": {"enum": ["compaction"], "type": ["string"]},
        },
        "required": ["type", "encrypted_content"],
        "type": ["object"],
    },
    "CompactionTriggerItemParam": {
        "properties": {"type": {"enum": ["compaction_trigger"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "ComparisonFilter": {
        "closed": True,
        "properties": {
            "key": {"type": ["string"]},
            "type": {
                "enum": ["eq", "ne", "gt", "gte", "lt", "lte", "in", "nin"],
                "type": ["string"],
            },
            "value": {
                "anyOf": [
                    {"type": ["string"]},
                    {"type": ["number"]},
                    {"type": ["boolean"]},
                    {
                        "items": {"anyOf": [{"type": ["string"]}, {"type": ["number"]}]},
                        "type": ["array"],
                    },
                ]
            },
        },
        "required": ["type", "key", "value"],
        "type": ["object"],
    },
    "CompleteUploadRequest": {
        "closed": True,
        "properties": {
            "md5": {"type": ["string"]},
            "part_ids": {"items": {"type": ["string"]}, "type": ["array"]},
        },
        "required": ["part_ids"],
        "type": ["object"],
    },
    "CompoundFilter": {
        "closed": True,
        "properties": {
            "filters": {"type": ["array"]},
            "type": {"enum": ["and", "or"], "type": ["string"]},
        },
        "required": ["type", "filters"],
        "type": ["object"],
    },
    "ComputerAction": {
        "anyOf": [
            {"ref": "ClickParam"},
            {"ref": "DoubleClickAction"},
            {"ref": "DragParam"},
            {"ref": "KeyPressAction"},
            {"ref": "MoveParam"},
            {"ref": "ScreenshotParam"},
            {"ref": "ScrollParam"},
            {"ref": "TypeParam"},
            {"ref": "WaitParam"},
        ]
    },
    "ComputerActionList": {"items": {"ref": "ComputerAction"}, "type": ["array"]},
    "ComputerCallOutputItemParam": {
        "properties": {
            "acknowledged_safety_checks": {
                "anyOf": [
                    {"items": {"ref": "ComputerCallSafetyCheckParam"}, "type": ["array"]},
                    {"type": ["null"]},
                ]
            },
            "call_id": {"maxLength": 64, "type": ["string"]},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "output": {"ref": "ComputerScreenshotImage"},
            "status": {"anyOf": [{"ref": "FunctionCallItemStatus"}, {"type": ["null"]}]},
            "type": {"enum": ["computer_call_output"], "type": ["string"]},
        },
        "required": ["call_id", "type", "output"],
        "type": ["object"],
    },
    "ComputerCallSafetyCheckParam": {
        "properties": {
            "code": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "message": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
        },
        "required": ["id"],
        "type": ["object"],
    },
    "ComputerEnvironment": {
        "enum": ["windows", "mac", "linux", "ubuntu", "browser"],
        "type": ["string"],
    },
    "ComputerScreenshotImage": {
        "properties": {
            "file_id": {"type": ["string"]},
            "image_url": {"type": ["string"]},
            "type": {"enum": ["computer_screenshot"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "ComputerTool": {
        "properties": {"type": {"enum": ["computer"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "ComputerToolCall": {
        "properties": {
            "action": {"ref": "ComputerAction"},
            "actions": {"ref": "ComputerActionList"},
            "call_id": {"type": ["string"]},
            "id": {"type": ["string"]},
            "pending_safety_checks": {
                "items": {"ref": "ComputerCallSafetyCheckParam"},
                "type": ["array"],
            },
            "status": {"enum": ["in_progress", "completed", "incomplete"], "type": ["string"]},
            "type": {"enum": ["computer_call"], "type": ["string"]},
        },
        "required": ["type", "id", "call_id", "pending_safety_checks", "status"],
        "type": ["object"],
    },
    "ComputerUsePreviewTool": {
        "properties": {
            "display_height": {"type": ["integer"]},
            "display_width": {"type": ["integer"]},
            "environment": {"ref": "ComputerEnvironment"},
            "type": {"enum": ["computer_use_preview"], "type": ["string"]},
        },
        "required": ["type", "environment", "display_width", "display_height"],
        "type": ["object"],
    },
    "ContainerAutoParam": {
        "properties": {
            "file_ids": {"items": {"type": ["string"]}, "maxItems": 50, "type": ["array"]},
            "memory_limit": {"anyOf": [{"ref": "ContainerMemoryLimit"}, {"type": ["null"]}]},
            "network_policy": {
                "anyOf": [
                    {"ref": "ContainerNetworkPolicyDisabledParam"},
                    {"ref": "ContainerNetworkPolicyAllowlistParam"},
                ]
            },
            "skills": {
                "items": {"anyOf": [{"ref": "SkillReferenceParam"}, {"ref": "InlineSkillParam"}]},
                "maxItems": 200,
                "type": ["array"],
            },
            "type": {"enum": ["container_auto"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "ContainerFileCitationBody": {
        "properties": {
            "container_id": {"type": ["string"]},
            "end_index": {"type": ["integer"]},
            "file_id": {"type": ["string"]},
            "filename": {"type": ["string"]},
            "start_index": {"type": ["integer"]},
            "type": {"enum": ["container_file_citation"], "type": ["string"]},
        },
        "required": ["type", "container_id", "file_id", "start_index", "end_index", "filename"],
        "type": ["object"],
    },
    "ContainerMemoryLimit": {"enum": ["1g", "4g", "16g", "64g"], "type": ["string"]},
    "ContainerNetworkPolicyAllowlistParam": {
        "properties": {
            "allowed_domains": {"items": {"type": ["string"]}, "minItems": 1, "type": ["array"]},
            "domain_secrets": {
                "items": {"ref": "ContainerNetworkPolicyDomainSecretParam"},
                "minItems": 1,
                "type": ["array"],
            },
            "type": {"enum": ["allowlist"], "type": ["string"]},
        },
        "required": ["type", "allowed_domains"],
        "type": ["object"],
    },
    "ContainerNetworkPolicyDisabledParam": {
        "properties": {"type": {"enum": ["disabled"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "ContainerNetworkPolicyDomainSecretParam": {
        "properties": {
            "domain": {"type": ["string"]},
            "name": {"type": ["string"]},
            "value": {"maxLength": 10485760, "type": ["string"]},
        },
        "required": ["domain", "name", "value"],
        "type": ["object"],
    },
    "ContainerReferenceParam": {
        "properties": {
            "container_id": {"type": ["string"]},
            "type": {"enum": ["container_reference"], "type": ["string"]},
        },
        "required": ["type", "container_id"],
        "type": ["object"],
    },
    "ContextManagementParam": {
        "properties": {
            "compact_threshold": {
                "anyOf": [{"minimum": 1000, "type": ["integer"]}, {"type": ["null"]}]
            },
            "type": {"type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "ConversationParam": {"anyOf": [{"type": ["string"]}, {"ref": "ConversationParam-2"}]},
    "ConversationParam-2": {
        "properties": {"id": {"type": ["string"]}},
        "required": ["id"],
        "type": ["object"],
    },
    "CoordParam": {
        "properties": {"x": {"type": ["integer"]}, "y": {"type": ["integer"]}},
        "required": ["x", "y"],
        "type": ["object"],
    },
    "CreateAssistantRequest": {
        "closed": True,
        "properties": {
            "description": {"anyOf": [{"maxLength": 512, "type": ["string"]}, {"type": ["null"]}]},
            "instructions": {
                "anyOf": [{"maxLength": 256000, "type": ["string"]}, {"type": ["null"]}]
            },
            "metadata": {"ref": "Metadata"},
            "model": {"anyOf": [{"type": ["string"]}, {"ref": "AssistantSupportedModels"}]},
            "name": {"anyOf": [{"maxLength": 256, "type": ["string"]}, {"type": ["null"]}]},
            "reasoning_effort": {"ref": "ReasoningEffort"},
            "response_format": {
                "anyOf": [{"ref": "AssistantsApiResponseFormatOption"}, {"type": ["null"]}]
            },
            "temperature": {
                "anyOf": [{"maximum": 2, "minimum": 0, "type": ["number"]}, {"type": ["null"]}]
            },
            "tool_resources": {
                "anyOf": [
                    {
                        "properties": {
                            "code_interpreter": {
                                "properties": {
                                    "file_ids": {
                                        "items": {"type": ["string"]},
                                        "maxItems": 20,
                                        "type": ["array"],
                                    }
                                },
                                "type": ["object"],
                            },
                            "file_search": {
                                "anyOf": [
                                    {"required": ["vector_store_ids"]},
                                    {"required": ["vector_stores"]},
                                ],
                                "properties": {
                                    "vector_store_ids": {
                                        "items": {"type": ["string"]},
                                        "maxItems": 1,
                                        "type": ["array"],
                                    },
                                    "vector_stores": {
                                        "items": {
                                            "properties": {
                                                "chunking_strategy": {
                                                    "anyOf": [
                                                        {
                                                            "closed": True,
                                                            "properties": {
                                                                "type": {
                                                                    "enum": ["auto"],
                                                                    "type": ["string"],
                                                                }
                                                            },
                                                            "required": ["type"],
                                                            "type": ["object"],
                                                        },
                                                        {
                                                            "closed": True,
                                                            "properties": {
                                                                "static": {
                                                                    "closed": True,
                                                                    "properties": {
                                                                        "chunk_overlap_tokens": {
                                                                            "type": ["integer"]
                                                                        },
                                                                        "max_chunk_size_tokens": {
                                                                            "maximum": 4096,
                                                                            "minimum": 100,
                                                                            "type": ["integer"],
                                                                        },
                                                                    },
                                                                    "required": [
                                                                        "max_chunk_size_tokens",
                                                                        "chunk_overlap_tokens",
                                                                    ],
                                                                    "type": ["object"],
                                                                },
                                                                "type": {
                                                                    "enum": ["static"],
                                                                    "type": ["string"],
                                                                },
                                                            },
                                                            "required": ["type", "static"],
                                                            "type": ["object"],
                                                        },
                                                    ],
                                                    "type": ["object"],
                                                },
                                                "file_ids": {
                                                    "items": {"type": ["string"]},
                                                    "maxItems": 100000000,
                                                    "type": ["array"],
                                                },
                                                "metadata": {"ref": "Metadata"},
                                            },
                                            "type": ["object"],
                                        },
                                        "maxItems": 1,
                                        "type": ["array"],
                                    },
                                },
                                "type": ["object"],
                            },
                        },
                        "type": ["object"],
                    },
                    {"type": ["null"]},
                ]
            },
            "tools": {
                "items": {
                    "anyOf": [
                        {"ref": "AssistantToolsCode"},
                        {"ref": "AssistantToolsFileSearch"},
                        {"ref": "AssistantToolsFunction"},
                    ]
                },
                "maxItems": 128,
                "type": ["array"],
            },
            "top_p": {
                "anyOf": [{"maximum": 1, "minimum": 0, "type": ["number"]}, {"type": ["null"]}]
            },
        },
        "required": ["model"],
        "type": ["object"],
    },
    "CreateBatchRequest": {
        "properties": {
            "completion_window": {"enum": ["24h"], "type": ["string"]},
            "endpoint": {
                "enum": [
                    "/v1/responses",
                    "/v1/chat/completions",
                    "/v1/embeddings",
                    "/v1/completions",
                    "/v1/moderations",
                    "/v1/images/generations",
                    "/v1/images/edits",
                    "/v1/videos",
                ],
                "type": ["string"],
            },
            "input_file_id": {"type": ["string"]},
            "metadata": {"ref": "Metadata"},
            "output_expires_after": {"ref": "BatchFileExpirationAfter"},
        },
        "required": ["input_file_id", "endpoint", "completion_window"],
        "type": ["object"],
    },
    "CreateChatCompletionRequest": {
        "properties": {
            "audio": {
                "properties": {
                    "format": {
                        "enum": ["wav", "aac", "mp3", "flac", "opus", "pcm16"],
                        "type": ["string"],
                    },
                    "voice": {"ref": "VoiceIdsOrCustomVoice"},
                },
                "required": ["voice", "format"],
                "type": ["object", "null"],
            },
            "frequency_penalty": {"maximum": 2, "minimum": -2, "type": ["number", "null"]},
            "function_call": {
                "anyOf": [
                    {"enum": ["none", "auto"], "type": ["string"]},
                    {"ref": "ChatCompletionFunctionCallOption"},
                ]
            },
            "functions": {
                "items": {"ref": "ChatCompletionFunctions"},
                "maxItems": 128,
                "minItems": 1,
                "type": ["array"],
            },
            "logit_bias": {"type": ["object", "null"]},
            "logprobs": {"type": ["boolean", "null"]},
            "max_completion_tokens": {"type": ["integer", "null"]},
            "max_tokens": {"type": ["integer", "null"]},
            "messages": {
                "items": {"ref": "ChatCompletionRequestMessage"},
                "minItems": 1,
                "type": ["array"],
            },
            "metadata": {"ref": "Metadata"},
            "modalities": {"ref": "ResponseModalities"},
            "model": {"ref": "ModelIdsShared"},
            "moderation": {"anyOf": [{"ref": "ModerationParam"}, {"type": ["null"]}]},
            "n": {"maximum": 128, "minimum": 1, "type": ["integer", "null"]},
            "parallel_tool_calls": {"ref": "ParallelToolCalls"},
            "prediction": {"anyOf": [{"ref": "PredictionContent"}]},
            "presence_penalty": {"maximum": 2, "minimum": -2, "type": ["number", "null"]},
            "prompt_cache_key": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "prompt_cache_options": {"ref": "PromptCacheOptionsParam"},
            "prompt_cache_retention": {
                "anyOf": [{"enum": ["in_memory", "24h"], "type": ["string"]}, {"type": ["null"]}]
            },
            "reasoning_effort": {"ref": "ReasoningEffort"},
            "response_format": {
                "anyOf": [
                    {"ref": "ResponseFormatText"},
                    {"ref": "ResponseFormatJsonSchema"},
                    {"ref": "ResponseFormatJsonObject"},
                ]
            },
            "safety_identifier": {
                "anyOf": [{"maxLength": 64, "type": ["string"]}, {"type": ["null"]}]
            },
            "seed": {
                "maximum": 9223372036854776000,
                "minimum": -9223372036854776000,
                "type": ["integer", "null"],
            },
            "service_tier": {"ref": "ServiceTier"},
            "stop": {"ref": "StopConfiguration"},
            "store": {"type": ["boolean", "null"]},
            "stream": {"type": ["boolean", "null"]},
            "stream_options": {"ref": "ChatCompletionStreamOptions"},
            "temperature": {
                "anyOf": [{"maximum": 2, "minimum": 0, "type": ["number"]}, {"type": ["null"]}]
            },
            "tool_choice": {"ref": "ChatCompletionToolChoiceOption"},
            "tools": {
                "items": {
                    "anyOf": [{"ref": "ChatCompletionTool"}, {"ref": "CustomToolChatCompletions"}]
                },
                "type": ["array"],
            },
            "top_logprobs": {"maximum": 20, "minimum": 0, "type": ["integer", "null"]},
            "top_p": {
                "anyOf": [{"maximum": 1, "minimum": 0, "type": ["number"]}, {"type": ["null"]}]
            },
            "user": {"type": ["string"]},
            "verbosity": {"ref": "Verbosity"},
            "web_search_options": {
                "properties": {
                    "search_context_size": {"ref": "WebSearchContextSize"},
                    "user_location": {
                        "properties": {
                            "approximate": {"ref": "WebSearchLocation"},
                            "type": {"enum": ["approximate"], "type": ["string"]},
                        },
                        "required": ["type", "approximate"],
                        "type": ["object", "null"],
                    },
                },
                "type": ["object"],
            },
        },
        "required": ["model", "messages"],
        "type": ["object"],
    },
    "CreateChatSessionBody": {
        "properties": {
            "chatkit_configuration": {"ref": "ChatkitConfigurationParam"},
            "expires_after": {"ref": "ExpiresAfterParam"},
            "rate_limits": {"ref": "RateLimitsParam"},
            "user": {"type": ["string"]},
            "workflow": {"ref": "WorkflowParam"},
        },
        "required": ["workflow", "user"],
        "type": ["object"],
    },
    "CreateCompletionRequest": {
        "properties": {
            "best_of": {"maximum": 20, "minimum": 0, "type": ["integer", "null"]},
            "echo": {"type": ["boolean", "null"]},
            "frequency_penalty": {"maximum": 2, "minimum": -2, "type": ["number", "null"]},
            "logit_bias": {"type": ["object", "null"]},
            "logprobs": {"maximum": 5, "minimum": 0, "type": ["integer", "null"]},
            "max_tokens": {"minimum": 0, "type": ["integer", "null"]},
            "model": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "enum": ["gpt-3.5-turbo-instruct", "davinci-002", "babbage-002"],
                        "type": ["string"],
                    },
                ]
            },
            "n": {"maximum": 128, "minimum": 1, "type": ["integer", "null"]},
            "presence_penalty": {"maximum": 2, "minimum": -2, "type": ["number", "null"]},
            "prompt": {
                "anyOf": [
                    {"type": ["string"]},
                    {"items": {"type": ["string"]}, "type": ["array"]},
                    {"items": {"type": ["integer"]}, "minItems": 1, "type": ["array"]},
                    {
                        "items": {"items": {"type": ["integer"]}, "minItems": 1, "type": ["array"]},
                        "minItems": 1,
                        "type": ["array"],
                    },
                ]
            },
            "seed": {"type": ["integer", "null"]},
            "stop": {"ref": "StopConfiguration"},
            "stream": {"type": ["boolean", "null"]},
            "stream_options": {"ref": "ChatCompletionStreamOptions"},
            "suffix": {"type": ["string", "null"]},
            "temperature": {"maximum": 2, "minimum": 0, "type": ["number", "null"]},
            "top_p": {"maximum": 1, "minimum": 0, "type": ["number", "null"]},
            "user": {"type": ["string"]},
        },
        "required": ["model", "prompt"],
        "type": ["object"],
    },
    "CreateContainerBody": {
        "properties": {
            "expires_after": {
                "properties": {
                    "anchor": {"enum": ["last_active_at"], "type": ["string"]},
                    "minutes": {"type": ["integer"]},
                },
                "required": ["anchor", "minutes"],
                "type": ["object"],
            },
            "file_ids": {"items": {"type": ["string"]}, "type": ["array"]},
            "memory_limit": {"enum": ["1g", "4g", "16g", "64g"], "type": ["string"]},
            "name": {"type": ["string"]},
            "network_policy": {
                "anyOf": [
                    {"ref": "ContainerNetworkPolicyDisabledParam"},
                    {"ref": "ContainerNetworkPolicyAllowlistParam"},
                ]
            },
            "skills": {
                "items": {"anyOf": [{"ref": "SkillReferenceParam"}, {"ref": "InlineSkillParam"}]},
                "type": ["array"],
            },
        },
        "required": ["name"],
        "type": ["object"],
    },
    "CreateContainerFileBody": {
        "properties": {"file": {"type": ["string"]}, "file_id": {"type": ["string"]}},
        "type": ["object"],
    },
    "CreateConversationBody": {
        "properties": {
            "items": {
                "anyOf": [
                    {"items": {"ref": "InputItem"}, "maxItems": 20, "type": ["array"]},
                    {"type": ["null"]},
                ]
            },
            "metadata": {"anyOf": [{"ref": "Metadata"}, {"type": ["null"]}]},
        },
        "type": ["object"],
    },
    "CreateEmbeddingRequest": {
        "closed": True,
        "properties": {
            "dimensions": {"minimum": 1, "type": ["integer"]},
            "encoding_format": {"enum": ["float", "base64"], "type": ["string"]},
            "input": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "items": {"type": ["string"]},
                        "maxItems": 2048,
                        "minItems": 1,
                        "type": ["array"],
                    },
                    {
                        "items": {"type": ["integer"]},
                        "maxItems": 2048,
                        "minItems": 1,
                        "type": ["array"],
                    },
                    {
                        "items": {"items": {"type": ["integer"]}, "minItems": 1, "type": ["array"]},
                        "maxItems": 2048,
                        "minItems": 1,
                        "type": ["array"],
                    },
                ]
            },
            "model": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "enum": [
                            "text-embedding-ada-002",
                            "text-embedding-3-small",
                            "text-embedding-3-large",
                        ],
                        "type": ["string"],
                    },
                ]
            },
            "user": {"type": ["string"]},
        },
        "required": ["model", "input"],
        "type": ["object"],
    },
    "CreateEvalCompletionsRunDataSource": {
        "properties": {
            "input_messages": {
                "anyOf": [
                    {
                        "properties": {
                            "template": {
                                "items": {
                                    "anyOf": [{"ref": "EasyInputMessage"}, {"ref": "EvalItem"}]
                                },
                                "type": ["array"],
                            },
                            "type": {"enum": ["template"], "type": ["string"]},
                        },
                        "required": ["type", "template"],
                        "type": ["object"],
                    },
                    {
                        "properties": {
                            "item_reference": {"type": ["string"]},
                            "type": {"enum": ["item_reference"], "type": ["string"]},
                        },
                        "required": ["type", "item_reference"],
                        "type": ["object"],
                    },
                ]
            },
            "model": {"type": ["string"]},
            "sampling_params": {
                "properties": {
                    "max_completion_tokens": {"type": ["integer"]},
                    "reasoning_effort": {"ref": "ReasoningEffort"},
                    "response_format": {
                        "anyOf": [
                            {"ref": "ResponseFormatText"},
                            {"ref": "ResponseFormatJsonSchema"},
                            {"ref": "ResponseFormatJsonObject"},
                        ]
                    },
                    "seed": {"type": ["integer"]},
                    "temperature": {"type": ["number"]},
                    "tools": {"items": {"ref": "ChatCompletionTool"}, "type": ["array"]},
                    "top_p": {"type": ["number"]},
                },
                "type": ["object"],
            },
            "source": {
                "anyOf": [
                    {"ref": "EvalJsonlFileContentSource"},
                    {"ref": "EvalJsonlFileIdSource"},
                    {"ref": "EvalStoredCompletionsSource"},
                ]
            },
            "type": {"enum": ["completions"], "type": ["string"]},
        },
        "required": ["type", "source"],
        "type": ["object"],
    },
    "CreateEvalCustomDataSourceConfig": {
        "properties": {
            "include_sample_schema": {"type": ["boolean"]},
            "item_schema": {"type": ["object"]},
            "type": {"enum": ["custom"], "type": ["string"]},
        },
        "required": ["item_schema", "type"],
        "type": ["object"],
    },
    "CreateEvalItem": {
        "anyOf": [
            {
                "properties": {"content": {"type": ["string"]}, "role": {"type": ["string"]}},
                "required": ["role", "content"],
                "type": ["object"],
            },
            {"ref": "EvalItem"},
        ],
        "type": ["object"],
    },
    "CreateEvalJsonlRunDataSource": {
        "properties": {
            "source": {
                "anyOf": [{"ref": "EvalJsonlFileContentSource"}, {"ref": "EvalJsonlFileIdSource"}]
            },
            "type": {"enum": ["jsonl"], "type": ["string"]},
        },
        "required": ["type", "source"],
        "type": ["object"],
    },
    "CreateEvalLabelModelGrader": {
        "properties": {
            "input": {"items": {"ref": "CreateEvalItem"}, "type": ["array"]},
            "labels": {"items": {"type": ["string"]}, "type": ["array"]},
            "model": {"type": ["string"]},
            "name": {"type": ["string"]},
            "passing_labels": {"items": {"type": ["string"]}, "type": ["array"]},
            "type": {"enum": ["label_model"], "type": ["string"]},
        },
        "required": ["type", "model", "input", "passing_labels", "labels", "name"],
        "type": ["object"],
    },
    "CreateEvalLogsDataSourceConfig": {
        "properties": {
            "metadata": {"type": ["object"]},
            "type": {"enum": ["logs"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "CreateEvalRequest": {
        "properties": {
            "data_source_config": {
                "anyOf": [
                    {"ref": "CreateEvalCustomDataSourceConfig"},
                    {"ref": "CreateEvalLogsDataSourceConfig"},
                    {"ref": "CreateEvalStoredCompletionsDataSourceConfig"},
                ],
                "type": ["object"],
            },
            "metadata": {"ref": "Metadata"},
            "name": {"type": ["string"]},
            "testing_criteria": {
                "items": {
                    "anyOf": [
                        {"ref": "CreateEvalLabelModelGrader"},
                        {"ref": "EvalGraderStringCheck"},
                        {"ref": "EvalGraderTextSimilarity"},
                        {"ref": "EvalGraderPython"},
                        {"ref": "EvalGraderScoreModel"},
                    ]
                },
                "type": ["array"],
            },
        },
        "required": ["data_source_config", "testing_criteria"],
        "type": ["object"],
    },
    "CreateEvalResponsesRunDataSource": {
        "properties": {
            "input_messages": {
                "anyOf": [
                    {
                        "properties": {
                            "template": {
                                "items": {
                                    "anyOf": [
                                        {
                                            "properties": {
                                                "content": {"type": ["string"]},
                                                "role": {"type": ["string"]},
                                            },
                                            "required": ["role", "content"],
                                            "type": ["object"],
                                        },
                                        {"ref": "EvalItem"},
                                    ]
                                },
                                "type": ["array"],
                            },
                            "type": {"enum": ["template"], "type": ["string"]},
                        },
                        "required": ["type", "template"],
                        "type": ["object"],
                    },
                    {
                        "properties": {
                            "item_reference": {"type": ["string"]},
                            "type": {"enum": ["item_reference"], "type": ["string"]},
                        },
                        "required": ["type", "item_reference"],
                        "type": ["object"],
                    },
                ]
            },
            "model": {"type": ["string"]},
            "sampling_params": {
                "properties": {
                    "max_completion_tokens": {"type": ["integer"]},
                    "reasoning_effort": {"ref": "ReasoningEffort"},
                    "seed": {"type": ["integer"]},
                    "temperature": {"type": ["number"]},
                    "text": {
                        "properties": {"format": {"ref": "TextResponseFormatConfiguration"}},
                        "type": ["object"],
                    },
                    "tools": {"items": {"ref": "Tool"}, "type": ["array"]},
                    "top_p": {"type": ["number"]},
                },
                "type": ["object"],
            },
            "source": {
                "anyOf": [
                    {"ref": "EvalJsonlFileContentSource"},
                    {"ref": "EvalJsonlFileIdSource"},
                    {"ref": "EvalResponsesSource"},
                ]
            },
            "type": {"enum": ["responses"], "type": ["string"]},
        },
        "required": ["type", "source"],
        "type": ["object"],
    },
    "CreateEvalRunRequest": {
        "properties": {
            "data_source": {
                "anyOf": [
                    {"ref": "CreateEvalJsonlRunDataSource"},
                    {"ref": "CreateEvalCompletionsRunDataSource"},
                    {"ref": "CreateEvalResponsesRunDataSource"},
                ],
                "type": ["object"],
            },
            "metadata": {"ref": "Metadata"},
            "name": {"type": ["string"]},
        },
        "required": ["data_source"],
        "type": ["object"],
    },
    "CreateEvalStoredCompletionsDataSourceConfig": {
        "properties": {
            "metadata": {"type": ["object"]},
            "type": {"enum": ["stored_completions"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "CreateFineTuningCheckpointPermissionRequest": {
        "closed": True,
        "properties": {"project_ids": {"items": {"type": ["string"]}, "type": ["array"]}},
        "required": ["project_ids"],
        "type": ["object"],
    },
    "CreateFineTuningJobRequest": {
        "properties": {
            "hyperparameters": {
                "properties": {
                    "batch_size": {
                        "anyOf": [
                            {"enum": ["auto"], "type": ["string"]},
                            {"maximum": 256, "minimum": 1, "type": ["integer"]},
                        ]
                    },
                    "learning_rate_multiplier": {
                        "anyOf": [
                            {"enum": ["auto"], "type": ["string"]},
                            {"minimum": 0, "type": ["number"]},
                        ]
                    },
                    "n_epochs": {
                        "anyOf": [
                            {"enum": ["auto"], "type": ["string"]},
                            {"maximum": 50, "minimum": 1, "type": ["integer"]},
                        ]
                    },
                },
                "type": ["object"],
            },
            "integrations": {
                "items": {
                    "properties": {
                        "type": {"anyOf": [{"enum": ["wandb"], "type": ["string"]}]},
                        "wandb": {
                            "properties": {
                                "entity": {"type": ["string", "null"]},
                                "name": {"type": ["string", "null"]},
                                "project": {"type": ["string"]},
                                "tags": {"items": {"type": ["string"]}, "type": ["array"]},
                            },
                            "required": ["project"],
                            "type": ["object"],
                        },
                    },
                    "required": ["type", "wandb"],
                    "type": ["object"],
                },
                "type": ["array", "null"],
            },
            "metadata": {"ref": "Metadata"},
            "method": {"ref": "FineTuneMethod"},
            "model": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "enum": ["babbage-002", "davinci-002", "gpt-3.5-turbo", "gpt-4o-mini"],
                        "type": ["string"],
                    },
                ]
            },
            "seed": {"maximum": 2147483647, "minimum": 0, "type": ["integer", "null"]},
            "suffix": {"maxLength": 64, "type": ["string", "null"]},
            "training_file": {"type": ["string"]},
            "validation_file": {"type": ["string", "null"]},
        },
        "required": ["model", "training_file"],
        "type": ["object"],
    },
    "CreateGroupBody": {
        "properties": {"name": {"maxLength": 255, "type": ["string"]}},
        "required": ["name"],
        "type": ["object"],
    },
    "CreateGroupUserBody": {
        "properties": {"user_id": {"type": ["string"]}},
        "required": ["user_id"],
        "type": ["object"],
    },
    "CreateImageRequest": {
        "properties": {
            "background": {"enum": ["transparent", "opaque", "auto"], "type": ["string", "null"]},
            "model": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "enum": [
                            "gpt-image-1.5",
                            "gpt-image-2",
                            "gpt-image-2-2026-04-21",
                            "dall-e-2",
                            "dall-e-3",
                            "gpt-image-1",
                            "gpt-image-1-mini",
                        ],
                        "type": ["string"],
                    },
                ]
            },
            "moderation": {"enum": ["low", "auto"], "type": ["string", "null"]},
            "n": {"maximum": 10, "minimum": 1, "type": ["integer", "null"]},
            "output_compression": {"type": ["integer", "null"]},
            "output_format": {"enum": ["png", "jpeg", "webp"], "type": ["string", "null"]},
            "partial_images": {"ref": "PartialImages"},
            "prompt": {"type": ["string"]},
            "quality": {
                "enum": ["standard", "hd", "low", "medium", "high", "auto"],
                "type": ["string", "null"],
            },
            "response_format": {"enum": ["url", "b64_json"], "type": ["string", "null"]},
            "size": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "enum": [
                            "auto",
                            "1024x1024",
                            "1536x1024",
                            "1024x1536",
                            "256x256",
                            "512x512",
                            "1792x1024",
                            "1024x1792",
                        ],
                        "type": ["string"],
                    },
                ]
            },
            "stream": {"type": ["boolean", "null"]},
            "style": {"enum": ["vivid", "natural"], "type": ["string", "null"]},
            "user": {"type": ["string"]},
        },
        "required": ["prompt"],
        "type": ["object"],
    },
    "CreateMessageRequest": {
        "closed": True,
        "properties": {
            "attachments": {
                "anyOf": [
                    {
                        "items": {
                            "properties": {
                                "file_id": {"type": ["string"]},
                                "tools": {
                                    "items": {
                                        "anyOf": [
                                            {"ref": "AssistantToolsCode"},
                                            {"ref": "AssistantToolsFileSearchTypeOnly"},
                                        ]
                                    },
                                    "type": ["array"],
                                },
                            },
                            "type": ["object"],
                        },
                        "required": ["file_id", "tools"],
                        "type": ["array"],
                    },
                    {"type": ["null"]},
                ]
            },
            "content": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "items": {
                            "anyOf": [
                                {"ref": "MessageContentImageFileObject"},
                                {"ref": "MessageContentImageUrlObject"},
                                {"ref": "MessageRequestContentTextObject"},
                            ]
                        },
                        "minItems": 1,
                        "type": ["array"],
                    },
                ]
            },
            "metadata": {"ref": "Metadata"},
            "role": {"enum": ["user", "assistant"], "type": ["string"]},
        },
        "required": ["role", "content"],
        "type": ["object"],
    },
    "CreateModerationRequest": {
        "properties": {
            "input": {
                "anyOf": [
                    {"type": ["string"]},
                    {"items": {"type": ["string"]}, "type": ["array"]},
                    {
                        "items": {
                            "anyOf": [
                                {
                                    "properties": {
                                        "image_url": {
                                            "properties": {"url": {"type": ["string"]}},
                                            "required": ["url"],
                                            "type": ["object"],
                                        },
                                        "type": {"enum": ["image_url"], "type": ["string"]},
                                    },
                                    "required": ["type", "image_url"],
                                    "type": ["object"],
                                },
                                {
                                    "properties": {
                                        "text": {"type": ["string"]},
                                        "type": {"enum": ["text"], "type": ["string"]},
                                    },
                                    "required": ["type", "text"],
                                    "type": ["object"],
                                },
                            ]
                        },
                        "type": ["array"],
                    },
                ]
            },
            "model": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "enum": [
                            "omni-moderation-latest",
                            "omni-moderation-2024-09-26",
                            "text-moderation-latest",
                            "text-moderation-stable",
                        ],
                        "type": ["string"],
                    },
                ]
            },
        },
        "required": ["input"],
        "type": ["object"],
    },
    "CreateProjectServiceAccountApiKeyBody": {
        "properties": {
            "name": {"type": ["string"]},
            "scopes": {"items": {"type": ["string"]}, "type": ["array"]},
        },
        "type": ["object"],
    },
    "CreateResponse": {
        "properties": {
            "background": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "context_management": {
                "anyOf": [
                    {"items": {"ref": "ContextManagementParam"}, "minItems": 1, "type": ["array"]},
                    {"type": ["null"]},
                ]
            },
            "conversation": {"anyOf": [{"ref": "ConversationParam"}, {"type": ["null"]}]},
            "include": {
                "anyOf": [{"items": {"ref": "IncludeEnum"}, "type": ["array"]}, {"type": ["null"]}]
            },
            "input": {"ref": "InputParam"},
            "instructions": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "max_output_tokens": {
                "anyOf": [{"minimum": 16, "type": ["integer"]}, {"type": ["null"]}]
            },
            "max_tool_calls": {"anyOf": [{"type": ["integer"]}, {"type": ["null"]}]},
            "metadata": {"ref": "Metadata"},
            "model": {"ref": "ModelIdsResponses"},
            "moderation": {"anyOf": [{"ref": "ModerationParam"}, {"type": ["null"]}]},
            "parallel_tool_calls": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "previous_response_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "prompt": {"ref": "Prompt"},
            "prompt_cache_key": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "prompt_cache_options": {"ref": "PromptCacheOptionsParam"},
            "prompt_cache_retention": {
                "anyOf": [{"enum": ["in_memory", "24h"], "type": ["string"]}, {"type": ["null"]}]
            },
            "reasoning": {"anyOf": [{"ref": "Reasoning"}, {"type": ["null"]}]},
            "safety_identifier": {
                "anyOf": [{"maxLength": 64, "type": ["string"]}, {"type": ["null"]}]
            },
            "service_tier": {"ref": "ServiceTierResponses"},
            "store": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "stream": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "stream_options": {"ref": "ResponseStreamOptions"},
            "temperature": {
                "anyOf": [{"maximum": 2, "minimum": 0, "type": ["number"]}, {"type": ["null"]}]
            },
            "text": {"ref": "ResponseTextParam"},
            "tool_choice": {"ref": "ToolChoiceParam"},
            "tools": {"ref": "ToolsArray"},
            "top_logprobs": {"maximum": 20, "minimum": 0, "type": ["integer"]},
            "top_p": {
                "anyOf": [{"maximum": 1, "minimum": 0, "type": ["number"]}, {"type": ["null"]}]
            },
            "truncation": {
                "anyOf": [{"enum": ["auto", "disabled"], "type": ["string"]}, {"type": ["null"]}]
            },
            "user": {"type": ["string"]},
        },
        "type": ["object"],
    },
    "CreateRunRequest": {
        "closed": True,
        "properties": {
            "additional_instructions": {"type": ["string", "null"]},
            "additional_messages": {
                "items": {"ref": "CreateMessageRequest"},
                "type": ["array", "null"],
            },
            "assistant_id": {"type": ["string"]},
            "instructions": {"type": ["string", "null"]},
            "max_completion_tokens": {"minimum": 256, "type": ["integer", "null"]},
            "max_prompt_tokens": {"minimum": 256, "type": ["integer", "null"]},
            "metadata": {"ref": "Metadata"},
            "model": {"anyOf": [{"type": ["string"]}, {"ref": "AssistantSupportedModels"}]},
            "parallel_tool_calls": {"ref": "ParallelToolCalls"},
            "reasoning_effort": {"ref": "ReasoningEffort"},
            "response_format": {"ref": "AssistantsApiResponseFormatOption"},
            "stream": {"type": ["boolean", "null"]},
            "temperature": {"maximum": 2, "minimum": 0, "type": ["number", "null"]},
            "tool_choice": {
                "anyOf": [
                    {"enum": ["none", "auto", "required"], "type": ["string"]},
                    {"ref": "AssistantsNamedToolChoice"},
                ]
            },
            "tools": {
                "items": {
                    "anyOf": [
                        {"ref": "AssistantToolsCode"},
                        {"ref": "AssistantToolsFileSearch"},
                        {"ref": "AssistantToolsFunction"},
                    ]
                },
                "maxItems": 20,
                "type": ["array", "null"],
            },
            "top_p": {"maximum": 1, "minimum": 0, "type": ["number", "null"]},
            "truncation_strategy": {
                "properties": {
                    "last_messages": {
                        "anyOf": [{"minimum": 1, "type": ["integer"]}, {"type": ["null"]}]
                    },
                    "type": {"enum": ["auto", "last_messages"], "type": ["string"]},
                },
                "required": ["type"],
                "type": ["object"],
            },
        },
        "required": ["assistant_id"],
        "type": ["object"],
    },
    "CreateSkillBody": {
        "properties": {
            "files": {
                "anyOf": [
                    {"items": {"type": ["string"]}, "maxItems": 500, "type": ["array"]},
                    {"type": ["string"]},
                ]
            }
        },
        "required": ["files"],
        "type": ["object"],
    },
    "CreateSkillVersionBody": {
        "properties": {
            "default": {"type": ["boolean"]},
            "files": {
                "anyOf": [
                    {"items": {"type": ["string"]}, "maxItems": 500, "type": ["array"]},
                    {"type": ["string"]},
                ]
            },
        },
        "required": ["files"],
        "type": ["object"],
    },
    "CreateSpeechRequest": {
        "closed": True,
        "properties": {
            "input": {"maxLength": 4096, "type": ["string"]},
            "instructions": {"maxLength": 4096, "type": ["string"]},
            "model": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "enum": [
                            "tts-1",
                            "tts-1-hd",
                            "gpt-4o-mini-tts",
                            "gpt-4o-mini-tts-2025-12-15",
                        ],
                        "type": ["string"],
                    },
                ]
            },
            "response_format": {
                "enum": ["mp3", "opus", "aac", "flac", "wav", "pcm"],
                "type": ["string"],
            },
            "speed": {"maximum": 4, "minimum": 0.25, "type": ["number"]},
            "stream_format": {"enum": ["sse", "audio"], "type": ["string"]},
            "voice": {"ref": "VoiceIdsOrCustomVoice"},
        },
        "required": ["model", "input", "voice"],
        "type": ["object"],
    },
    "CreateSpendAlertBody": {
        "properties": {
            "currency": {"enum": ["USD"], "type": ["string"]},
            "interval": {"enum": ["month"], "type": ["string"]},
            "notification_channel": {"ref": "SpendAlertNotificationChannel"},
            "threshold_amount": {"minimum": 0, "type": ["integer"]},
        },
        "required": ["threshold_amount", "currency", "interval", "notification_channel"],
        "type": ["object"],
    },
    "CreateThreadAndRunRequest": {
        "closed": True,
        "properties": {
            "assistant_id": {"type": ["string"]},
            "instructions": {"type": ["string", "null"]},
            "max_completion_tokens": {"minimum": 256, "type": ["integer", "null"]},
            "max_prompt_tokens": {"minimum": 256, "type": ["integer", "null"]},
            "metadata": {"ref": "Metadata"},
            "model": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "enum": [
                            "gpt-5",
                            "gpt-5-mini",
                            "gpt-5-nano",
                            "gpt-5-2025-08-07",
                            "gpt-5-mini-2025-08-07",
                            "gpt-5-nano-2025-08-07",
                            "gpt-4.1",
                            "gpt-4.1-mini",
                            "gpt-4.1-nano",
                            "gpt-4.1-2025-04-14",
                            "gpt-4.1-mini-2025-04-14",
                            "gpt-4.1-nano-2025-04-14",
                            "gpt-4o",
                            "gpt-4o-2024-11-20",
                            "gpt-4o-2024-08-06",
                            "gpt-4o-2024-05-13",
                            "gpt-4o-mini",
                            "gpt-4o-mini-2024-07-18",
                            "gpt-4.5-preview",
                            "gpt-4.5-preview-2025-02-27",
                            "gpt-4-turbo",
                            "gpt-4-turbo-2024-04-09",
                            "gpt-4-0125-preview",
                            "gpt-4-turbo-preview",
                            "gpt-4-1106-preview",
                            "gpt-4-vision-preview",
                            "gpt-4",
                            "gpt-4-0314",
                            "gpt-4-0613",
                            "gpt-4-32k",
                            "gpt-4-32k-0314",
                            "gpt-4-32k-0613",
                            "gpt-3.5-turbo",
                            "gpt-3.5-turbo-16k",
                            "gpt-3.5-turbo-0613",
                            "gpt-3.5-turbo-1106",
                            "gpt-3.5-turbo-0125",
                            "gpt-3.5-turbo-16k-0613",
                        ],
                        "type": ["string"],
                    },
                ]
            },
            "parallel_tool_calls": {"ref": "ParallelToolCalls"},
            "response_format": {"ref": "AssistantsApiResponseFormatOption"},
            "stream": {"type": ["boolean", "null"]},
            "temperature": {"maximum": 2, "minimum": 0, "type": ["number", "null"]},
            "thread": {"ref": "CreateThreadRequest"},
            "tool_choice": {
                "anyOf": [
                    {"enum": ["none", "auto", "required"], "type": ["string"]},
                    {"ref": "AssistantsNamedToolChoice"},
                ]
            },
            "tool_resources": {
                "properties": {
                    "code_interpreter": {
                        "properties": {
                            "file_ids": {
                                "items": {"type": ["string"]},
                                "maxItems": 20,
                                "type": ["array"],
                            }
                        },
                        "type": ["object"],
                    },
                    "file_search": {
                        "properties": {
                            "vector_store_ids": {
                                "items": {"type": ["string"]},
                                "maxItems": 1,
                                "type": ["array"],
                            }
                        },
                        "type": ["object"],
                    },
                },
                "type": ["object", "null"],
            },
            "tools": {
                "items": {
                    "anyOf": [
                        {"ref": "AssistantToolsCode"},
                        {"ref": "AssistantToolsFileSearch"},
                        {"ref": "AssistantToolsFunction"},
                    ]
                },
                "maxItems": 20,
                "type": ["array", "null"],
            },
            "top_p": {"maximum": 1, "minimum": 0, "type": ["number", "null"]},
            "truncation_strategy": {
                "properties": {
                    "last_messages": {
                        "anyOf": [{"minimum": 1, "type": ["integer"]}, {"type": ["null"]}]
                    },
                    "type": {"enum": ["auto", "last_messages"], "type": ["string"]},
                },
                "required": ["type"],
                "type": ["object"],
            },
        },
        "required": ["assistant_id"],
        "type": ["object"],
    },
    "CreateThreadRequest": {
        "closed": True,
        "properties": {
            "messages": {"items": {"ref": "CreateMessageRequest"}, "type": ["array"]},
            "metadata": {"ref": "Metadata"},
            "tool_resources": {
                "anyOf": [
                    {
                        "properties": {
                            "code_interpreter": {
                                "properties": {
                                    "file_ids": {
                                        "items": {"type": ["string"]},
                                        "maxItems": 20,
                                        "type": ["array"],
                                    }
                                },
                                "type": ["object"],
                            },
                            "file_search": {
                                "anyOf": [
                                    {"required": ["vector_store_ids"]},
                                    {"required": ["vector_stores"]},
                                ],
                                "properties": {
                                    "vector_store_ids": {
                                        "items": {"type": ["string"]},
                                        "maxItems": 1,
                                        "type": ["array"],
                                    },
                                    "vector_stores": {
                                        "items": {
                                            "properties": {
                                                "chunking_strategy": {
                                                    "anyOf": [
                                                        {
                                                            "closed": True,
                                                            "properties": {
                                                                "type": {
                                                                    "enum": ["auto"],
                                                                    "type": ["string"],
                                                                }
                                                            },
                                                            "required": ["type"],
                                                            "type": ["object"],
                                                        },
                                                        {
                                                            "closed": True,
                                                            "properties": {
                                                                "static": {
                                                                    "closed": True,
                                                                    "properties": {
                                                                        "chunk_overlap_tokens": {
                                                                            "type": ["integer"]
                                                                        },
                                                                        "max_chunk_size_tokens": {
                                                                            "maximum": 4096,
                                                                            "minimum": 100,
                                                                            "type": ["integer"],
                                                                        },
                                                                    },
                                                                    "required": [
                                                                        "max_chunk_size_tokens",
                                                                        "chunk_overlap_tokens",
                                                                    ],
                                                                    "type": ["object"],
                                                                },
                                                                "type": {
                                                                    "enum": ["static"],
                                                                    "type": ["string"],
                                                                },
                                                            },
                                                            "required": ["type", "static"],
                                                            "type": ["object"],
                                                        },
                                                    ],
                                                    "type": ["object"],
                                                },
                                                "file_ids": {
                                                    "items": {"type": ["string"]},
                                                    "maxItems": 100000000,
                                                    "type": ["array"],
                                                },
                                                "metadata": {"ref": "Metadata"},
                                            },
                                            "type": ["object"],
                                        },
                                        "maxItems": 1,
                                        "type": ["array"],
                                    },
                                },
                                "type": ["object"],
                            },
                        },
                        "type": ["object"],
                    },
                    {"type": ["null"]},
                ]
            },
        },
        "type": ["object"],
    },
    "CreateUploadRequest": {
        "closed": True,
        "properties": {
            "bytes": {"type": ["integer"]},
            "expires_after": {"ref": "FileExpirationAfter"},
            "filename": {"type": ["string"]},
            "mime_type": {"type": ["string"]},
            "purpose": {"enum": ["assistants", "batch", "fine-tune", "vision"], "type": ["string"]},
        },
        "required": ["filename", "purpose", "bytes", "mime_type"],
        "type": ["object"],
    },
    "CreateVectorStoreFileBatchRequest": {
        "anyOf": [{"required": ["file_ids"]}, {"required": ["files"]}],
        "closed": True,
        "properties": {
            "attributes": {"ref": "VectorStoreFileAttributes"},
            "chunking_strategy": {"ref": "ChunkingStrategyRequestParam"},
            "file_ids": {
                "items": {"type": ["string"]},
                "maxItems": 2000,
                "minItems": 1,
                "type": ["array"],
            },
            "files": {
                "items": {"ref": "CreateVectorStoreFileRequest"},
                "maxItems": 2000,
                "minItems": 1,
                "type": ["array"],
            },
        },
        "type": ["object"],
    },
    "CreateVectorStoreFileRequest": {
        "closed": True,
        "properties": {
            "attributes": {"ref": "VectorStoreFileAttributes"},
            "chunking_strategy": {"ref": "ChunkingStrategyRequestParam"},
            "file_id": {"type": ["string"]},
        },
        "required": ["file_id"],
        "type": ["object"],
    },
    "CreateVectorStoreRequest": {
        "closed": True,
        "properties": {
            "chunking_strategy": {
                "anyOf": [
                    {"ref": "AutoChunkingStrategyRequestParam"},
                    {"ref": "StaticChunkingStrategyRequestParam"},
                ],
                "type": ["object"],
            },
            "description": {"type": ["string"]},
            "expires_after": {"ref": "VectorStoreExpirationAfter"},
            "file_ids": {"items": {"type": ["string"]}, "maxItems": 500, "type": ["array"]},
            "metadata": {"ref": "Metadata"},
            "name": {"type": ["string"]},
        },
        "type": ["object"],
    },
    "CreateVideoEditJsonBody": {
        "properties": {
            "prompt": {"maxLength": 32000, "type": ["string"]},
            "video": {"ref": "VideoReferenceInputParam"},
        },
        "required": ["video", "prompt"],
        "type": ["object"],
    },
    "CreateVideoExtendJsonBody": {
        "properties": {
            "prompt": {"maxLength": 32000, "type": ["string"]},
            "seconds": {"ref": "VideoSeconds"},
            "video": {"ref": "VideoReferenceInputParam"},
        },
        "required": ["video", "prompt", "seconds"],
        "type": ["object"],
    },
    "CreateVideoJsonBody": {
        "properties": {
            "input_reference": {"ref": "ImageRefParam-2"},
            "model": {"ref": "VideoModel"},
            "prompt": {"maxLength": 32000, "type": ["string"]},
            "seconds": {"ref": "VideoSeconds"},
            "size": {"ref": "VideoSize"},
        },
        "required": ["prompt"],
        "type": ["object"],
    },
    "CreateVideoRemixBody": {
        "properties": {"prompt": {"maxLength": 32000, "type": ["string"]}},
        "required": ["prompt"],
        "type": ["object"],
    },
    "CustomGrammarFormatParam": {
        "properties": {
            "definition": {"type": ["string"]},
            "syntax": {"ref": "GrammarSyntax1"},
            "type": {"enum": ["grammar"], "type": ["string"]},
        },
        "required": ["type", "syntax", "definition"],
        "type": ["object"],
    },
    "CustomTextFormatParam": {
        "properties": {"type": {"enum": ["text"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "CustomToolCall": {
        "properties": {
            "call_id": {"type": ["string"]},
            "caller": {"anyOf": [{"ref": "ToolCallCaller"}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "input": {"type": ["string"]},
            "name": {"type": ["string"]},
            "namespace": {"type": ["string"]},
            "type": {"enum": ["custom_tool_call"], "type": ["string"]},
        },
        "required": ["type", "call_id", "name", "input"],
        "type": ["object"],
    },
    "CustomToolCallOutput": {
        "properties": {
            "call_id": {"type": ["string"]},
            "caller": {"anyOf": [{"ref": "ToolCallCallerParam"}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "output": {
                "anyOf": [
                    {"type": ["string"]},
                    {"items": {"ref": "FunctionAndCustomToolCallOutput"}, "type": ["array"]},
                ]
            },
            "type": {"enum": ["custom_tool_call_output"], "type": ["string"]},
        },
        "required": ["type", "call_id", "output"],
        "type": ["object"],
    },
    "CustomToolChatCompletions": {
        "properties": {
            "custom": {
                "properties": {
                    "description": {"type": ["string"]},
                    "format": {
                        "anyOf": [
                            {
                                "closed": True,
                                "properties": {"type": {"enum": ["text"], "type": ["string"]}},
                                "required": ["type"],
                                "type": ["object"],
                            },
                            {
                                "closed": True,
                                "properties": {
                                    "grammar": {
                                        "properties": {
                                            "definition": {"type": ["string"]},
                                            "syntax": {
                                                "enum": ["lark", "regex"],
                                                "type": ["string"],
                                            },
                                        },
                                        "required": ["definition", "syntax"],
                                        "type": ["object"],
                                    },
                                    "type": {"enum": ["grammar"], "type": ["string"]},
                                },
                                "required": ["type", "grammar"],
                                "type": ["object"],
                            },
                        ]
                    },
                    "name": {"type": ["string"]},
                },
                "required": ["name"],
                "type": ["object"],
            },
            "type": {"enum": ["custom"], "type": ["string"]},
        },
        "required": ["type", "custom"],
        "type": ["object"],
    },
    "CustomToolParam": {
        "properties": {
            "allowed_callers": {
                "anyOf": [
                    {
                        "items": {"ref": "CallableToolAllowedCaller"},
                        "minItems": 1,
                        "type": ["array"],
                    },
                    {"type": ["null"]},
                ]
            },
            "defer_loading": {"type": ["boolean"]},
            "description": {"type": ["string"]},
            "format": {
                "anyOf": [{"ref": "CustomTextFormatParam"}, {"ref": "CustomGrammarFormatParam"}]
            },
            "name": {"type": ["string"]},
            "type": {"enum": ["custom"], "type": ["string"]},
        },
        "required": ["type", "name"],
        "type": ["object"],
    },
    "DetailEnum": {"enum": ["low", "high", "auto", "original"], "type": ["string"]},
    "DirectToolCallCaller": {
        "properties": {"type": {"enum": ["direct"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "DirectToolCallCallerParam": {
        "properties": {"type": {"enum": ["direct"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "DoubleClickAction": {
        "properties": {
            "keys": {
                "anyOf": [{"items": {"type": ["string"]}, "type": ["array"]}, {"type": ["null"]}]
            },
            "type": {"enum": ["double_click"], "type": ["string"]},
            "x": {"type": ["integer"]},
            "y": {"type": ["integer"]},
        },
        "required": ["type", "x", "y", "keys"],
        "type": ["object"],
    },
    "DragParam": {
        "properties": {
            "keys": {
                "anyOf": [{"items": {"type": ["string"]}, "type": ["array"]}, {"type": ["null"]}]
            },
            "path": {"items": {"ref": "CoordParam"}, "type": ["array"]},
            "type": {"enum": ["drag"], "type": ["string"]},
        },
        "required": ["type", "path"],
        "type": ["object"],
    },
    "EasyInputMessage": {
        "properties": {
            "content": {"anyOf": [{"type": ["string"]}, {"ref": "InputMessageContentList"}]},
            "phase": {"anyOf": [{"ref": "MessagePhase"}, {"type": ["null"]}]},
            "role": {"enum": ["user", "assistant", "system", "developer"], "type": ["string"]},
            "type": {"enum": ["message"], "type": ["string"]},
        },
        "required": ["role", "content"],
        "type": ["object"],
    },
    "EditImageBodyJsonParam": {
        "properties": {
            "background": {
                "anyOf": [
                    {"enum": ["transparent", "opaque", "auto"], "type": ["string"]},
                    {"type": ["null"]},
                ]
            },
            "images": {
                "items": {"ref": "ImageRefParam"},
                "maxItems": 16,
                "minItems": 1,
                "type": ["array"],
            },
            "input_fidelity": {
                "anyOf": [{"enum": ["high", "low"], "type": ["string"]}, {"type": ["null"]}]
            },
            "mask": {"ref": "ImageRefParam"},
            "model": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "enum": [
                            "gpt-image-1.5",
                            "gpt-image-2",
                            "gpt-image-2-2026-04-21",
                            "gpt-image-1",
                            "gpt-image-1-mini",
                            "chatgpt-image-latest",
                        ],
                        "type": ["string"],
                    },
                    {"type": ["null"]},
                ]
            },
            "moderation": {
                "anyOf": [{"enum": ["low", "auto"], "type": ["string"]}, {"type": ["null"]}]
            },
            "n": {
                "anyOf": [{"maximum": 10, "minimum": 1, "type": ["integer"]}, {"type": ["null"]}]
            },
            "output_compression": {
                "anyOf": [{"maximum": 100, "minimum": 0, "type": ["integer"]}, {"type": ["null"]}]
            },
            "output_format": {
                "anyOf": [{"enum": ["png", "jpeg", "webp"], "type": ["string"]}, {"type": ["null"]}]
            },
            "partial_images": {"ref": "PartialImages"},
            "prompt": {"maxLength": 32000, "type": ["string"]},
            "quality": {
                "anyOf": [
                    {"enum": ["low", "medium", "high", "auto"], "type": ["string"]},
                    {"type": ["null"]},
                ]
            },
            "size": {
                "anyOf": [
                    {"enum": ["auto", "1024x1024", "1536x1024", "1024x1536"], "type": ["string"]},
                    {"type": ["null"]},
                ]
            },
            "stream": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "user": {"type": ["string"]},
        },
        "required": ["images", "prompt"],
        "type": ["object"],
    },
    "EmptyModelParam": {"properties": {}, "type": ["object"]},
    "EvalGraderPython": {
        "properties": {
            "image_tag": {"type": ["string"]},
            "name": {"type": ["string"]},
            "pass_threshold": {"type": ["number"]},
            "source": {"type": ["string"]},
            "type": {"enum": ["python"], "type": ["string"]},
        },
        "required": ["type", "name", "source"],
        "type": ["object"],
    },
    "EvalGraderScoreModel": {
        "properties": {
            "input": {"items": {"ref": "EvalItem"}, "type": ["array"]},
            "model": {"type": ["string"]},
            "name": {"type": ["string"]},
            "pass_threshold": {"type": ["number"]},
            "range": {"items": {"type": ["number"]}, "type": ["array"]},
            "sampling_params": {
                "properties": {
                    "max_completions_tokens": {
                        "anyOf": [{"minimum": 1, "type": ["integer"]}, {"type": ["null"]}]
                    },
                    "reasoning_effort": {"ref": "ReasoningEffort"},
                    "seed": {"anyOf": [{"type": ["integer"]}, {"type": ["null"]}]},
                    "temperature": {"anyOf": [{"type": ["number"]}, {"type": ["null"]}]},
                    "top_p": {"anyOf": [{"type": ["number"]}, {"type": ["null"]}]},
                },
                "type": ["object"],
            },
            "type": {"enum": ["score_model"], "type": ["string"]},
        },
        "required": ["type", "name", "input", "model"],
        "type": ["object"],
    },
    "EvalGraderStringCheck": {
        "properties": {
            "input": {"type": ["string"]},
            "name": {"type": ["string"]},
            "operation": {"enum": ["eq", "ne", "like", "ilike"], "type": ["string"]},
            "reference": {"type": ["string"]},
            "type": {"enum": ["string_check"], "type": ["string"]},
        },
        "required": ["type", "name", "input", "reference", "operation"],
        "type": ["object"],
    },
    "EvalGraderTextSimilarity": {
        "properties": {
            "evaluation_metric": {
                "enum": [
                    "cosine",
                    "fuzzy_match",
                    "bleu",
                    "gleu",
                    "meteor",
                    "rouge_1",
                    "rouge_2",
                    "rouge_3",
                    "rouge_4",
                    "rouge_5",
                    "rouge_l",
                ],
                "type": ["string"],
            },
            "input": {"type": ["string"]},
            "name": {"type": ["string"]},
            "pass_threshold": {"type": ["number"]},
            "reference": {"type": ["string"]},
            "type": {"enum": ["text_similarity"], "type": ["string"]},
        },
        "required": ["type", "name", "input", "reference", "evaluation_metric", "pass_threshold"],
        "type": ["object"],
    },
    "EvalItem": {
        "properties": {
            "content": {"ref": "EvalItemContent"},
            "role": {"enum": ["user", "assistant", "system", "developer"], "type": ["string"]},
            "type": {"enum": ["message"], "type": ["string"]},
        },
        "required": ["role", "content"],
        "type": ["object"],
    },
    "EvalItemContent": {"anyOf": [{"ref": "EvalItemContentItem"}, {"ref": "EvalItemContentArray"}]},
    "EvalItemContentArray": {"items": {"ref": "EvalItemContentItem"}, "type": ["array"]},
    "EvalItemContentItem": {
        "anyOf": [
            {"ref": "EvalItemContentText"},
            {"ref": "InputTextContent"},
            {"ref": "EvalItemContentOutputText"},
            {"ref": "EvalItemInputImage"},
            {"ref": "InputAudio"},
        ]
    },
    "EvalItemContentOutputText": {
        "properties": {
            "text": {"type": ["string"]},
            "type": {"enum": ["output_text"], "type": ["string"]},
        },
        "required": ["type", "text"],
        "type": ["object"],
    },
    "EvalItemContentText": {"type": ["string"]},
    "EvalItemInputImage": {
        "properties": {
            "detail": {"type": ["string"]},
            "image_url": {"type": ["string"]},
            "type": {"enum": ["input_image"], "type": ["string"]},
        },
        "required": ["type", "image_url"],
        "type": ["object"],
    },
    "EvalJsonlFileContentSource": {
        "properties": {
            "content": {
                "items": {
                    "properties": {"item": {"type": ["object"]}, "sample": {"type": ["object"]}},
                    "required": ["item"],
                    "type": ["object"],
                },
                "type": ["array"],
            },
            "type": {"enum": ["file_content"], "type": ["string"]},
        },
        "required": ["type", "content"],
        "type": ["object"],
    },
    "EvalJsonlFileIdSource": {
        "properties": {
            "id": {"type": ["string"]},
            "type": {"enum": ["file_id"], "type": ["string"]},
        },
        "required": ["type", "id"],
        "type": ["object"],
    },
    "EvalResponsesSource": {
        "properties": {
            "created_after": {"anyOf": [{"minimum": 0, "type": ["integer"]}, {"type": ["null"]}]},
            "created_before": {"anyOf": [{"minimum": 0, "type": ["integer"]}, {"type": ["null"]}]},
            "instructions_search": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "metadata": {"anyOf": [{"type": ["object"]}, {"type": ["null"]}]},
            "model": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "reasoning_effort": {"anyOf": [{"ref": "ReasoningEffort"}, {"type": ["null"]}]},
            "temperature": {"anyOf": [{"type": ["number"]}, {"type": ["null"]}]},
            "tools": {
                "anyOf": [{"items": {"type": ["string"]}, "type": ["array"]}, {"type": ["null"]}]
            },
            "top_p": {"anyOf": [{"type": ["number"]}, {"type": ["null"]}]},
            "type": {"enum": ["responses"], "type": ["string"]},
            "users": {
                "anyOf": [{"items": {"type": ["string"]}, "type": ["array"]}, {"type": ["null"]}]
            },
        },
        "required": ["type"],
        "type": ["object"],
    },
    "EvalStoredCompletionsSource": {
        "properties": {
            "created_after": {"anyOf": [{"type": ["integer"]}, {"type": ["null"]}]},
            "created_before": {"anyOf": [{"type": ["integer"]}, {"type": ["null"]}]},
            "limit": {"anyOf": [{"type": ["integer"]}, {"type": ["null"]}]},
            "metadata": {"ref": "Metadata"},
            "model": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "type": {"enum": ["stored_completions"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "ExpiresAfterParam": {
        "properties": {
            "anchor": {"enum": ["created_at"], "type": ["string"]},
            "seconds": {"maximum": 600, "minimum": 1, "type": ["integer"]},
        },
        "required": ["anchor", "seconds"],
        "type": ["object"],
    },
    "FileCitationBody": {
        "properties": {
            "file_id": {"type": ["string"]},
            "filename": {"type": ["string"]},
            "index": {"type": ["integer"]},
            "type": {"enum": ["file_citation"], "type": ["string"]},
        },
        "required": ["type", "file_id", "index", "filename"],
        "type": ["object"],
    },
    "FileDetailEnum": {"enum": ["auto", "low", "high"], "type": ["string"]},
    "FileExpirationAfter": {
        "properties": {
            "anchor": {"enum": ["created_at"], "type": ["string"]},
            "seconds": {"maximum": 2592000, "minimum": 3600, "type": ["integer"]},
        },
        "required": ["anchor", "seconds"],
        "type": ["object"],
    },
    "FileInputDetail": {"enum": ["auto", "low", "high"], "type": ["string"]},
    "FilePath": {
        "properties": {
            "file_id": {"type": ["string"]},
            "index": {"type": ["integer"]},
            "type": {"enum": ["file_path"], "type": ["string"]},
        },
        "required": ["type", "file_id", "index"],
        "type": ["object"],
    },
    "FileSearchRanker": {"enum": ["auto", "default_2024_08_21"], "type": ["string"]},
    "FileSearchRankingOptions": {
        "properties": {
            "ranker": {"ref": "FileSearchRanker"},
            "score_threshold": {"maximum": 1, "minimum": 0, "type": ["number"]},
        },
        "required": ["score_threshold"],
        "type": ["object"],
    },
    "FileSearchTool": {
        "properties": {
            "filters": {"anyOf": [{"ref": "Filters"}, {"type": ["null"]}]},
            "max_num_results": {"type": ["integer"]},
            "ranking_options": {"ref": "RankingOptions"},
            "type": {"enum": ["file_search"], "type": ["string"]},
            "vector_store_ids": {"items": {"type": ["string"]}, "type": ["array"]},
        },
        "required": ["type", "vector_store_ids"],
        "type": ["object"],
    },
    "FileSearchToolCall": {
        "properties": {
            "id": {"type": ["string"]},
            "queries": {"items": {"type": ["string"]}, "type": ["array"]},
            "results": {
                "anyOf": [
                    {
                        "items": {
                            "properties": {
                                "attributes": {"ref": "VectorStoreFileAttributes"},
                                "file_id": {"type": ["string"]},
                                "filename": {"type": ["string"]},
                                "score": {"type": ["number"]},
                                "text": {"type": ["string"]},
                            },
                            "type": ["object"],
                        },
                        "type": ["array"],
                    },
                    {"type": ["null"]},
                ]
            },
            "status": {
                "enum": ["in_progress", "searching", "completed", "incomplete", "failed"],
                "type": ["string"],
            },
            "type": {"enum": ["file_search_call"], "type": ["string"]},
        },
        "required": ["id", "type", "status", "queries"],
        "type": ["object"],
    },
    "FileUploadParam": {
        "properties": {
            "enabled": {"type": ["boolean"]},
            "max_file_size": {"maximum": 512, "minimum": 1, "type": ["integer"]},
            "max_files": {"minimum": 1, "type": ["integer"]},
        },
        "type": ["object"],
    },
    "Filters": {"anyOf": [{"ref": "ComparisonFilter"}, {"ref": "CompoundFilter"}]},
    "FineTuneDPOHyperparameters": {
        "properties": {
            "batch_size": {
                "anyOf": [
                    {"enum": ["auto"], "type": ["string"]},
                    {"maximum": 256, "minimum": 1, "type": ["integer"]},
                ]
            },
            "beta": {
                "anyOf": [
                    {"enum": ["auto"], "type": ["string"]},
                    {"maximum": 2, "minimum": 0, "type": ["number"]},
                ]
            },
            "learning_rate_multiplier": {
                "anyOf": [
                    {"enum": ["auto"], "type": ["string"]},
                    {"minimum": 0, "type": ["number"]},
                ]
            },
            "n_epochs": {
                "anyOf": [
                    {"enum": ["auto"], "type": ["string"]},
                    {"maximum": 50, "minimum": 1, "type": ["integer"]},
                ]
            },
        },
        "type": ["object"],
    },
    "FineTuneDPOMethod": {
        "properties": {"hyperparameters": {"ref": "FineTuneDPOHyperparameters"}},
        "type": ["object"],
    },
    "FineTuneMethod": {
        "properties": {
            "dpo": {"ref": "FineTuneDPOMethod"},
            "reinforcement": {"ref": "FineTuneReinforcementMethod"},
            "supervised": {"ref": "FineTuneSupervisedMethod"},
            "type": {"enum": ["supervised", "dpo", "reinforcement"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "FineTuneReinforcementHyperparameters": {
        "properties": {
            "batch_size": {
                "anyOf": [
                    {"enum": ["auto"], "type": ["string"]},
                    {"maximum": 256, "minimum": 1, "type": ["integer"]},
                ]
            },
            "compute_multiplier": {
                "anyOf": [
                    {"enum": ["auto"], "type": ["string"]},
                    {"maximum": 10, "minimum": 1e-05, "type": ["number"]},
                ]
            },
            "eval_interval": {
                "anyOf": [
                    {"enum": ["auto"], "type": ["string"]},
                    {"minimum": 1, "type": ["integer"]},
                ]
            },
            "eval_samples": {
                "anyOf": [
                    {"enum": ["auto"], "type": ["string"]},
                    {"minimum": 1, "type": ["integer"]},
                ]
            },
            "learning_rate_multiplier": {
                "anyOf": [
                    {"enum": ["auto"], "type": ["string"]},
                    {"minimum": 0, "type": ["number"]},
                ]
            },
            "n_epochs": {
                "anyOf": [
                    {"enum": ["auto"], "type": ["string"]},
                    {"maximum": 50, "minimum": 1, "type": ["integer"]},
                ]
            },
            "reasoning_effort": {"enum": ["default", "low", "medium", "high"], "type": ["string"]},
        },
        "type": ["object"],
    },
    "FineTuneReinforcementMethod": {
        "properties": {
            "grader": {
                "anyOf": [
                    {"ref": "GraderStringCheck"},
                    {"ref": "GraderTextSimilarity"},
                    {"ref": "GraderPython"},
                    {"ref": "GraderScoreModel"},
                    {"ref": "GraderMulti"},
                ],
                "type": ["object"],
            },
            "hyperparameters": {"ref": "FineTuneReinforcementHyperparameters"},
        },
        "required": ["grader"],
        "type": ["object"],
    },
    "FineTuneSupervisedHyperparameters": {
        "properties": {
            "batch_size": {
                "anyOf": [
                    {"enum": ["auto"], "type": ["string"]},
                    {"maximum": 256, "minimum": 1, "type": ["integer"]},
                ]
            },
            "learning_rate_multiplier": {
                "anyOf": [
                    {"enum": ["auto"], "type": ["string"]},
                    {"minimum": 0, "type": ["number"]},
                ]
            },
            "n_epochs": {
                "anyOf": [
                    {"enum": ["auto"], "type": ["string"]},
                    {"maximum": 50, "minimum": 1, "type": ["integer"]},
                ]
            },
        },
        "type": ["object"],
    },
    "FineTuneSupervisedMethod": {
        "properties": {"hyperparameters": {"ref": "FineTuneSupervisedHyperparameters"}},
        "type": ["object"],
    },
    "FunctionAndCustomToolCallOutput": {
        "anyOf": [
            {"ref": "InputTextContent"},
            {"ref": "InputImageContent"},
            {"ref": "InputFileContent"},
        ]
    },
    "FunctionCallItemStatus": {
        "enum": ["in_progress", "completed", "incomplete"],
        "type": ["string"],
    },
    "FunctionCallOutputItemParam": {
        "properties": {
            "call_id": {"anyOf": [{"maxLength": 64, "type": ["string"]}, {"type": ["null"]}]},
            "caller": {"anyOf": [{"ref": "ToolCallCallerParam"}, {"type": ["null"]}]},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "name": {"anyOf": [{"maxLength": 128, "type": ["string"]}, {"type": ["null"]}]},
            "namespace": {"anyOf": [{"maxLength": 64, "type": ["string"]}, {"type": ["null"]}]},
            "output": {
                "anyOf": [
                    {"maxLength": 10485760, "type": ["string"]},
                    {
                        "items": {
                            "anyOf": [
                                {"ref": "InputTextContentParam"},
                                {"ref": "InputImageContentParamAutoParam"},
                                {"ref": "InputFileContentParam"},
                            ]
                        },
                        "type": ["array"],
                    },
                ]
            },
            "status": {"anyOf": [{"ref": "FunctionCallItemStatus"}, {"type": ["null"]}]},
            "type": {"enum": ["function_call_output"], "type": ["string"]},
        },
        "required": ["type", "output"],
        "type": ["object"],
    },
    "FunctionObject": {
        "properties": {
            "description": {"type": ["string"]},
            "name": {"type": ["string"]},
            "parameters": {"ref": "FunctionParameters"},
            "strict": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
        },
        "required": ["name"],
        "type": ["object"],
    },
    "FunctionParameters": {"type": ["object"]},
    "FunctionShellActionParam": {
        "properties": {
            "commands": {"items": {"type": ["string"]}, "type": ["array"]},
            "max_output_length": {"anyOf": [{"type": ["integer"]}, {"type": ["null"]}]},
            "timeout_ms": {"anyOf": [{"type": ["integer"]}, {"type": ["null"]}]},
        },
        "required": ["commands"],
        "type": ["object"],
    },
    "FunctionShellCallItemParam": {
        "properties": {
            "action": {"ref": "FunctionShellActionParam"},
            "call_id": {"maxLength": 64, "type": ["string"]},
            "caller": {"anyOf": [{"ref": "ToolCallCallerParam"}, {"type": ["null"]}]},
            "environment": {
                "anyOf": [
                    {
                        "anyOf": [
                            {"ref": "LocalEnvironmentParam"},
                            {"ref": "ContainerReferenceParam"},
                        ]
                    },
                    {"type": ["null"]},
                ]
            },
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "status": {"anyOf": [{"ref": "FunctionShellCallItemStatus"}, {"type": ["null"]}]},
            "type": {"enum": ["shell_call"], "type": ["string"]},
        },
        "required": ["call_id", "type", "action"],
        "type": ["object"],
    },
    "FunctionShellCallItemStatus": {
        "enum": ["in_progress", "completed", "incomplete"],
        "type": ["string"],
    },
    "FunctionShellCallOutputContentParam": {
        "properties": {
            "outcome": {"ref": "FunctionShellCallOutputOutcomeParam"},
            "stderr": {"maxLength": 10485760, "type": ["string"]},
            "stdout": {"maxLength": 10485760, "type": ["string"]},
        },
        "required": ["stdout", "stderr", "outcome"],
        "type": ["object"],
    },
    "FunctionShellCallOutputExitOutcomeParam": {
        "properties": {
            "exit_code": {"type": ["integer"]},
            "type": {"enum": ["exit"], "type": ["string"]},
        },
        "required": ["type", "exit_code"],
        "type": ["object"],
    },
    "FunctionShellCallOutputItemParam": {
        "properties": {
            "call_id": {"maxLength": 64, "type": ["string"]},
            "caller": {"anyOf": [{"ref": "ToolCallCallerParam"}, {"type": ["null"]}]},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "max_output_length": {"anyOf": [{"type": ["integer"]}, {"type": ["null"]}]},
            "output": {"items": {"ref": "FunctionShellCallOutputContentParam"}, "type": ["array"]},
            "status": {"anyOf": [{"ref": "FunctionShellCallItemStatus"}, {"type": ["null"]}]},
            "type": {"enum": ["shell_call_output"], "type": ["string"]},
        },
        "required": ["call_id", "type", "output"],
        "type": ["object"],
    },
    "FunctionShellCallOutputOutcomeParam": {
        "anyOf": [
            {"ref": "FunctionShellCallOutputTimeoutOutcomeParam"},
            {"ref": "FunctionShellCallOutputExitOutcomeParam"},
        ]
    },
    "FunctionShellCallOutputTimeoutOutcomeParam": {
        "properties": {"type": {"enum": ["timeout"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "FunctionShellToolParam": {
        "properties": {
            "allowed_callers": {
                "anyOf": [
                    {
                        "items": {"ref": "CallableToolAllowedCaller"},
                        "minItems": 1,
                        "type": ["array"],
                    },
                    {"type": ["null"]},
                ]
            },
            "environment": {
                "anyOf": [
                    {
                        "anyOf": [
                            {"ref": "ContainerAutoParam"},
                            {"ref": "LocalEnvironmentParam"},
                            {"ref": "ContainerReferenceParam"},
                        ]
                    },
                    {"type": ["null"]},
                ]
            },
            "type": {"enum": ["shell"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "FunctionTool": {
        "properties": {
            "allowed_callers": {
                "anyOf": [
                    {"items": {"ref": "CallableToolAllowedCaller"}, "type": ["array"]},
                    {"type": ["null"]},
                ]
            },
            "defer_loading": {"type": ["boolean"]},
            "description": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "name": {"type": ["string"]},
            "output_schema": {"anyOf": [{"type": ["object"]}, {"type": ["null"]}]},
            "parameters": {"anyOf": [{"type": ["object"]}, {"type": ["null"]}]},
            "strict": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "type": {"enum": ["function"], "type": ["string"]},
        },
        "required": ["type", "name", "strict", "parameters"],
        "type": ["object"],
    },
    "FunctionToolCall": {
        "properties": {
            "arguments": {"type": ["string"]},
            "call_id": {"type": ["string"]},
            "caller": {"anyOf": [{"ref": "ToolCallCaller"}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "name": {"type": ["string"]},
            "namespace": {"type": ["string"]},
            "status": {"enum": ["in_progress", "completed", "incomplete"], "type": ["string"]},
            "type": {"enum": ["function_call"], "type": ["string"]},
        },
        "required": ["type", "call_id", "name", "arguments"],
        "type": ["object"],
    },
    "FunctionToolParam": {
        "properties": {
            "allowed_callers": {
                "anyOf": [
                    {
                        "items": {"ref": "CallableToolAllowedCaller"},
                        "minItems": 1,
                        "type": ["array"],
                    },
                    {"type": ["null"]},
                ]
            },
            "defer_loading": {"type": ["boolean"]},
            "description": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "name": {"maxLength": 128, "type": ["string"]},
            "output_schema": {"anyOf": [{"type": ["object"]}, {"type": ["null"]}]},
            "parameters": {"anyOf": [{"ref": "EmptyModelParam"}, {"type": ["null"]}]},
            "strict": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "type": {"enum": ["function"], "type": ["string"]},
        },
        "required": ["name", "type"],
        "type": ["object"],
    },
    "GraderLabelModel": {
        "properties": {
            "input": {"items": {"ref": "EvalItem"}, "type": ["array"]},
            "labels": {"items": {"type": ["string"]}, "type": ["array"]},
            "model": {"type": ["string"]},
            "name": {"type": ["string"]},
            "passing_labels": {"items": {"type": ["string"]}, "type": ["array"]},
            "type": {"enum": ["label_model"], "type": ["string"]},
        },
        "required": ["type", "model", "input", "passing_labels", "labels", "name"],
        "type": ["object"],
    },
    "GraderMulti": {
        "properties": {
            "calculate_output": {"type": ["string"]},
            "graders": {
                "anyOf": [
                    {"ref": "GraderStringCheck"},
                    {"ref": "GraderTextSimilarity"},
                    {"ref": "GraderPython"},
                    {"ref": "GraderScoreModel"},
                    {"ref": "GraderLabelModel"},
                ]
            },
            "name": {"type": ["string"]},
            "type": {"enum": ["multi"], "type": ["string"]},
        },
        "required": ["name", "type", "graders", "calculate_output"],
        "type": ["object"],
    },
    "GraderPython": {
        "properties": {
            "image_tag": {"type": ["string"]},
            "name": {"type": ["string"]},
            "source": {"type": ["string"]},
            "type": {"enum": ["python"], "type": ["string"]},
        },
        "required": ["type", "name", "source"],
        "type": ["object"],
    },
    "GraderScoreModel": {
        "properties": {
            "input": {"items": {"ref": "EvalItem"}, "type": ["array"]},
            "model": {"type": ["string"]},
            "name": {"type": ["string"]},
            "range": {"items": {"type": ["number"]}, "type": ["array"]},
            "sampling_params": {
                "properties": {
                    "max_completions_tokens": {
                        "anyOf": [{"minimum": 1, "type": ["integer"]}, {"type": ["null"]}]
                    },
                    "reasoning_effort": {"ref": "ReasoningEffort"},
                    "seed": {"anyOf": [{"type": ["integer"]}, {"type": ["null"]}]},
                    "temperature": {"anyOf": [{"type": ["number"]}, {"type": ["null"]}]},
                    "top_p": {"anyOf": [{"type": ["number"]}, {"type": ["null"]}]},
                },
                "type": ["object"],
            },
            "type": {"enum": ["score_model"], "type": ["string"]},
        },
        "required": ["type", "name", "input", "model"],
        "type": ["object"],
    },
    "GraderStringCheck": {
        "properties": {
            "input": {"type": ["string"]},
            "name": {"type": ["string"]},
            "operation": {"enum": ["eq", "ne", "like", "ilike"], "type": ["string"]},
            "reference": {"type": ["string"]},
            "type": {"enum": ["string_check"], "type": ["string"]},
        },
        "required": ["type", "name", "input", "reference", "operation"],
        "type": ["object"],
    },
    "GraderTextSimilarity": {
        "properties": {
            "evaluation_metric": {
                "enum": [
                    "cosine",
                    "fuzzy_match",
                    "bleu",
                    "gleu",
                    "meteor",
                    "rouge_1",
                    "rouge_2",
                    "rouge_3",
                    "rouge_4",
                    "rouge_5",
                    "rouge_l",
                ],
                "type": ["string"],
            },
            "input": {"type": ["string"]},
            "name": {"type": ["string"]},
            "reference": {"type": ["string"]},
            "type": {"enum": ["text_similarity"], "type": ["string"]},
        },
        "required": ["type", "name", "input", "reference", "evaluation_metric"],
        "type": ["object"],
    },
    "GrammarSyntax1": {"enum": ["lark", "regex"], "type": ["string"]},
    "HTTPError": {
        "properties": {
            "code": {"type": ["integer"]},
            "message": {"type": ["string"]},
            "type": {"enum": ["http_error"], "type": ["string"]},
        },
        "required": ["type", "code", "message"],
        "type": ["object"],
    },
    "HistoryParam": {
        "properties": {
            "enabled": {"type": ["boolean"]},
            "recent_threads": {"minimum": 1, "type": ["integer"]},
        },
        "type": ["object"],
    },
    "HostedToolPermissionUpdate": {
        "properties": {"enabled": {"type": ["boolean"]}},
        "required": ["enabled"],
        "type": ["object"],
    },
    "HybridSearchOptions": {
        "properties": {
            "embedding_weight": {"type": ["number"]},
            "text_weight": {"type": ["number"]},
        },
        "required": ["embedding_weight", "text_weight"],
        "type": ["object"],
    },
    "ImageDetail": {"enum": ["low", "high", "auto", "original"], "type": ["string"]},
    "ImageGenActionEnum": {"enum": ["generate", "edit", "auto"], "type": ["string"]},
    "ImageGenTool": {
        "properties": {
            "action": {"ref": "ImageGenActionEnum"},
            "background": {"enum": ["transparent", "opaque", "auto"], "type": ["string"]},
            "input_fidelity": {"anyOf": [{"ref": "InputFidelity"}, {"type": ["null"]}]},
            "input_image_mask": {
                "closed": True,
                "properties": {"file_id": {"type": ["string"]}, "image_url": {"type": ["string"]}},
                "type": ["object"],
            },
            "model": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "enum": [
                            "gpt-image-1",
                            "gpt-image-1-mini",
                            "gpt-image-1.5",
                            "gpt-image-2",
                            "gpt-image-2-2026-04-21",
                        ],
                        "type": ["string"],
                    },
                ]
            },
            "moderation": {"enum": ["auto", "low"], "type": ["string"]},
            "output_compression": {"maximum": 100, "minimum": 0, "type": ["integer"]},
            "output_format": {"enum": ["png", "webp", "jpeg"], "type": ["string"]},
            "partial_images": {"maximum": 3, "minimum": 0, "type": ["integer"]},
            "quality": {"enum": ["low", "medium", "high", "auto"], "type": ["string"]},
            "size": {
                "anyOf": [
                    {"type": ["string"]},
                    {"enum": ["1024x1024", "1024x1536", "1536x1024", "auto"], "type": ["string"]},
                ]
            },
            "type": {"enum": ["image_generation"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "ImageGenToolCall": {
        "properties": {
            "id": {"type": ["string"]},
            "result": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "status": {
                "enum": ["in_progress", "completed", "generating", "failed"],
                "type": ["string"],
            },
            "type": {"enum": ["image_generation_call"], "type": ["string"]},
        },
        "required": ["type", "id", "status", "result"],
        "type": ["object"],
    },
    "ImageRefParam": {
        "anyOf": [{"required": ["image_url"]}, {"required": ["file_id"]}],
        "closed": True,
        "properties": {
            "file_id": {"type": ["string"]},
            "image_url": {"maxLength": 20971520, "type": ["string"]},
        },
        "type": ["object"],
    },
    "ImageRefParam-2": {
        "properties": {
            "file_id": {"type": ["string"]},
            "image_url": {"maxLength": 20971520, "type": ["string"]},
        },
        "type": ["object"],
    },
    "IncludeEnum": {
        "enum": [
            "file_search_call.results",
            "web_search_call.results",
            "web_search_call.action.sources",
            "message.input_image.image_url",
            "computer_call_output.output.image_url",
            "code_interpreter_call.outputs",
            "reasoning.encrypted_content",
            "message.output_text.logprobs",
        ],
        "type": ["string"],
    },
    "InlineSkillParam": {
        "properties": {
            "description": {"type": ["string"]},
            "name": {"type": ["string"]},
            "source": {"ref": "InlineSkillSourceParam"},
            "type": {"enum": ["inline"], "type": ["string"]},
        },
        "required": ["type", "name", "description", "source"],
        "type": ["object"],
    },
    "InlineSkillSourceParam": {
        "properties": {
            "data": {"maxLength": 70254592, "type": ["string"]},
            "media_type": {"enum": ["application/zip"], "type": ["string"]},
            "type": {"enum": ["base64"], "type": ["string"]},
        },
        "required": ["type", "media_type", "data"],
        "type": ["object"],
    },
    "InputAudio": {
        "properties": {
            "input_audio": {
                "properties": {
                    "data": {"type": ["string"]},
                    "format": {"enum": ["mp3", "wav"], "type": ["string"]},
                },
                "required": ["data", "format"],
                "type": ["object"],
            },
            "type": {"enum": ["input_audio"], "type": ["string"]},
        },
        "required": ["type", "input_audio"],
        "type": ["object"],
    },
    "InputContent": {
        "anyOf": [
            {"ref": "InputTextContent"},
            {"ref": "InputImageContent"},
            {"ref": "InputFileContent"},
        ]
    },
    "InputFidelity": {"enum": ["high", "low"], "type": ["string"]},
    "InputFileContent": {
        "properties": {
            "detail": {"ref": "FileInputDetail"},
            "file_data": {"type": ["string"]},
            "file_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "file_url": {"type": ["string"]},
            "filename": {"type": ["string"]},
            "prompt_cache_breakpoint": {"ref": "PromptCacheBreakpointConfig"},
            "type": {"enum": ["input_file"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "InputFileContentParam": {
        "properties": {
            "detail": {"ref": "FileDetailEnum"},
            "file_data": {
                "anyOf": [{"maxLength": 73400320, "type": ["string"]}, {"type": ["null"]}]
            },
            "file_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "file_url": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "filename": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "prompt_cache_breakpoint": {
                "anyOf": [{"ref": "PromptCacheBreakpointParam"}, {"type": ["null"]}]
            },
            "type": {"enum": ["input_file"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "InputImageContent": {
        "properties": {
            "detail": {"ref": "ImageDetail"},
            "file_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "image_url": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "prompt_cache_breakpoint": {"ref": "PromptCacheBreakpointConfig"},
            "type": {"enum": ["input_image"], "type": ["string"]},
        },
        "required": ["type", "detail"],
        "type": ["object"],
    },
    "InputImageContentParamAutoParam": {
        "properties": {
            "detail": {"anyOf": [{"ref": "DetailEnum"}, {"type": ["null"]}]},
            "file_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "image_url": {
                "anyOf": [{"maxLength": 20971520, "type": ["string"]}, {"type": ["null"]}]
            },
            "prompt_cache_breakpoint": {
                "anyOf": [{"ref": "PromptCacheBreakpointParam"}, {"type": ["null"]}]
            },
            "type": {"enum": ["input_image"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "InputItem": {
        "anyOf": [
            {"ref": "EasyInputMessage"},
            {"ref": "Item"},
            {"ref": "CompactionTriggerItemParam"},
            {"ref": "ItemReferenceParam"},
            {"ref": "ProgramItemParam"},
            {"ref": "ProgramOutputItemParam"},
        ]
    },
    "InputMessage": {
        "properties": {
            "content": {"ref": "InputMessageContentList"},
            "role": {"enum": ["user", "system", "developer"], "type": ["string"]},
            "status": {"enum": ["in_progress", "completed", "incomplete"], "type": ["string"]},
            "type": {"enum": ["message"], "type": ["string"]},
        },
        "required": ["role", "content"],
        "type": ["object"],
    },
    "InputMessageContentList": {"items": {"ref": "InputContent"}, "type": ["array"]},
    "InputParam": {
        "anyOf": [{"type": ["string"]}, {"items": {"ref": "InputItem"}, "type": ["array"]}]
    },
    "InputTextContent": {
        "properties": {
            "prompt_cache_breakpoint": {"ref": "PromptCacheBreakpointConfig"},
            "text": {"type": ["string"]},
            "type": {"enum": ["input_text"], "type": ["string"]},
        },
        "required": ["type", "text"],
        "type": ["object"],
    },
    "InputTextContentParam": {
        "properties": {
            "prompt_cache_breakpoint": {
                "anyOf": [{"ref": "PromptCacheBreakpointParam"}, {"type": ["null"]}]
            },
            "text": {"maxLength": 10485760, "type": ["string"]},
            "type": {"enum": ["input_text"], "type": ["string"]},
        },
        "required": ["type", "text"],
        "type": ["object"],
    },
    "InviteProjectGroupBody": {
        "properties": {"group_id": {"type": ["string"]}, "role": {"type": ["string"]}},
        "required": ["group_id", "role"],
        "type": ["object"],
    },
    "InviteRequest": {
        "properties": {
            "email": {"type": ["string"]},
            "projects": {
                "items": {
                    "properties": {
                        "id": {"type": ["string"]},
                        "role": {"enum": ["member", "owner"], "type": ["string"]},
                    },
                    "required": ["id", "role"],
                    "type": ["object"],
                },
                "type": ["array"],
            },
            "role": {"enum": ["reader", "owner"], "type": ["string"]},
        },
        "required": ["email", "role"],
        "type": ["object"],
    },
    "Item": {
        "anyOf": [
            {"ref": "InputMessage"},
            {"ref": "OutputMessage"},
            {"ref": "FileSearchToolCall"},
            {"ref": "ComputerToolCall"},
            {"ref": "ComputerCallOutputItemParam"},
            {"ref": "WebSearchToolCall"},
            {"ref": "FunctionToolCall"},
            {"ref": "FunctionCallOutputItemParam"},
            {"ref": "ToolSearchCallItemParam"},
            {"ref": "ToolSearchOutputItemParam"},
            {"ref": "AdditionalToolsItemParam"},
            {"ref": "ReasoningItem"},
            {"ref": "CompactionSummaryItemParam"},
            {"ref": "ImageGenToolCall"},
            {"ref": "CodeInterpreterToolCall"},
            {"ref": "LocalShellToolCall"},
            {"ref": "LocalShellToolCallOutput"},
            {"ref": "FunctionShellCallItemParam"},
            {"ref": "FunctionShellCallOutputItemParam"},
            {"ref": "ApplyPatchToolCallItemParam"},
            {"ref": "ApplyPatchToolCallOutputItemParam"},
            {"ref": "MCPListTools"},
            {"ref": "MCPApprovalRequest"},
            {"ref": "MCPApprovalResponse"},
            {"ref": "MCPToolCall"},
            {"ref": "CustomToolCallOutput"},
            {"ref": "CustomToolCall"},
        ],
        "type": ["object"],
    },
    "ItemReferenceParam": {
        "properties": {
            "id": {"type": ["string"]},
            "type": {
                "anyOf": [{"enum": ["item_reference"], "type": ["string"]}, {"type": ["null"]}]
            },
        },
        "required": ["id"],
        "type": ["object"],
    },
    "KeyPressAction": {
        "properties": {
            "keys": {"items": {"type": ["string"]}, "type": ["array"]},
            "type": {"enum": ["keypress"], "type": ["string"]},
        },
        "required": ["type", "keys"],
        "type": ["object"],
    },
    "LocalEnvironmentParam": {
        "properties": {
            "skills": {"items": {"ref": "LocalSkillParam"}, "maxItems": 200, "type": ["array"]},
            "type": {"enum": ["local"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "LocalShellExecAction": {
        "properties": {
            "command": {"items": {"type": ["string"]}, "type": ["array"]},
            "env": {"type": ["object"]},
            "timeout_ms": {"anyOf": [{"type": ["integer"]}, {"type": ["null"]}]},
            "type": {"enum": ["exec"], "type": ["string"]},
            "user": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "working_directory": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
        },
        "required": ["type", "command", "env"],
        "type": ["object"],
    },
    "LocalShellToolCall": {
        "properties": {
            "action": {"ref": "LocalShellExecAction"},
            "call_id": {"type": ["string"]},
            "id": {"type": ["string"]},
            "status": {"enum": ["in_progress", "completed", "incomplete"], "type": ["string"]},
            "type": {"enum": ["local_shell_call"], "type": ["string"]},
        },
        "required": ["type", "id", "call_id", "action", "status"],
        "type": ["object"],
    },
    "LocalShellToolCallOutput": {
        "properties": {
            "id": {"type": ["string"]},
            "output": {"type": ["string"]},
            "status": {
                "anyOf": [
                    {"enum": ["in_progress", "completed", "incomplete"], "type": ["string"]},
                    {"type": ["null"]},
                ]
            },
            "type": {"enum": ["local_shell_call_output"], "type": ["string"]},
        },
        "required": ["id", "type", "call_id", "output"],
        "type": ["object"],
    },
    "LocalShellToolParam": {
        "properties": {"type": {"enum": ["local_shell"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "LocalSkillParam": {
        "properties": {
            "description": {"type": ["string"]},
            "name": {"type": ["string"]},
            "path": {"type": ["string"]},
        },
        "required": ["name", "description", "path"],
        "type": ["object"],
    },
    "LogProb": {
        "properties": {
            "bytes": {"items": {"type": ["integer"]}, "type": ["array"]},
            "logprob": {"type": ["number"]},
            "token": {"type": ["string"]},
            "top_logprobs": {"items": {"ref": "TopLogProb"}, "type": ["array"]},
        },
        "required": ["token", "logprob", "bytes", "top_logprobs"],
        "type": ["object"],
    },
    "MCPApprovalRequest": {
        "properties": {
            "arguments": {"type": ["string"]},
            "id": {"type": ["string"]},
            "name": {"type": ["string"]},
            "server_label": {"type": ["string"]},
            "type": {"enum": ["mcp_approval_request"], "type": ["string"]},
        },
        "required": ["type", "id", "server_label", "name", "arguments"],
        "type": ["object"],
    },
    "MCPApprovalResponse": {
        "properties": {
            "approval_request_id": {"type": ["string"]},
            "approve": {"type": ["boolean"]},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "reason": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "type": {"enum": ["mcp_approval_response"], "type": ["string"]},
        },
        "required": ["type", "request_id", "approve", "approval_request_id"],
        "type": ["object"],
    },
    "MCPListTools": {
        "properties": {
            "error": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "server_label": {"type": ["string"]},
            "tools": {"items": {"ref": "MCPListToolsTool"}, "type": ["array"]},
            "type": {"enum": ["mcp_list_tools"], "type": ["string"]},
        },
        "required": ["type", "id", "server_label", "tools"],
        "type": ["object"],
    },
    "MCPListToolsTool": {
        "properties": {
            "annotations": {"anyOf": [{"type": ["object"]}, {"type": ["null"]}]},
            "description": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "input_schema": {"type": ["object"]},
            "name": {"type": ["string"]},
        },
        "required": ["name", "input_schema"],
        "type": ["object"],
    },
    "MCPProtocolError": {
        "properties": {
            "code": {"type": ["integer"]},
            "message": {"type": ["string"]},
            "type": {"enum": ["mcp_protocol_error"], "type": ["string"]},
        },
        "required": ["type", "code", "message"],
        "type": ["object"],
    },
    "MCPTool": {
        "properties": {
            "allowed_callers": {
                "anyOf": [
                    {
                        "items": {"ref": "CallableToolAllowedCaller"},
                        "minItems": 1,
                        "type": ["array"],
                    },
                    {"type": ["null"]},
                ]
            },
            "allowed_tools": {
                "anyOf": [
                    {
                        "anyOf": [
                            {"items": {"type": ["string"]}, "type": ["array"]},
                            {"ref": "MCPToolFilter"},
                        ]
                    },
                    {"type": ["null"]},
                ]
            },
            "authorization": {"type": ["string"]},
            "connector_id": {
                "enum": [
                    "connector_dropbox",
                    "connector_gmail",
                    "connector_googlecalendar",
                    "connector_googledrive",
                    "connector_microsoftteams",
                    "connector_outlookcalendar",
                    "connector_outlookemail",
                    "connector_sharepoint",
                ],
                "type": ["string"],
            },
            "defer_loading": {"type": ["boolean"]},
            "headers": {"anyOf": [{"type": ["object"]}, {"type": ["null"]}]},
            "require_approval": {
                "anyOf": [
                    {
                        "anyOf": [
                            {
                                "closed": True,
                                "properties": {
                                    "always": {"ref": "MCPToolFilter"},
                                    "never": {"ref": "MCPToolFilter"},
                                },
                                "type": ["object"],
                            },
                            {"enum": ["always", "never"], "type": ["string"]},
                        ]
                    },
                    {"type": ["null"]},
                ]
            },
            "server_description": {"type": ["string"]},
            "server_label": {"type": ["string"]},
            "server_url": {"type": ["string"]},
            "tunnel_id": {"type": ["string"]},
            "type": {"enum": ["mcp"], "type": ["string"]},
        },
        "required": ["type", "server_label"],
        "type": ["object"],
    },
    "MCPToolCall": {
        "properties": {
            "approval_request_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "arguments": {"type": ["string"]},
            "error": {"anyOf": [{"ref": "MCPToolCallError"}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "name": {"type": ["string"]},
            "output": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "server_label": {"type": ["string"]},
            "status": {"ref": "MCPToolCallStatus"},
            "type": {"enum": ["mcp_call"], "type": ["string"]},
        },
        "required": ["type", "id", "server_label", "name", "arguments"],
        "type": ["object"],
    },
    "MCPToolCallError": {
        "anyOf": [
            {"ref": "MCPProtocolError"},
            {"ref": "MCPToolExecutionError"},
            {"ref": "HTTPError"},
        ]
    },
    "MCPToolCallStatus": {
        "enum": ["in_progress", "completed", "incomplete", "calling", "failed"],
        "type": ["string"],
    },
    "MCPToolExecutionError": {
        "properties": {
            "content": {},
            "type": {"enum": ["mcp_tool_execution_error"], "type": ["string"]},
        },
        "required": ["type", "content"],
        "type": ["object"],
    },
    "MCPToolFilter": {
        "closed": True,
        "properties": {
            "read_only": {"type": ["boolean"]},
            "tool_names": {"items": {"type": ["string"]}, "type": ["array"]},
        },
        "type": ["object"],
    },
    "MessageContentImageFileObject": {
        "properties": {
            "image_file": {
                "properties": {
                    "detail": {"enum": ["auto", "low", "high"], "type": ["string"]},
                    "file_id": {"type": ["string"]},
                },
                "required": ["file_id"],
                "type": ["object"],
            },
            "type": {"enum": ["image_file"], "type": ["string"]},
        },
        "required": ["type", "image_file"],
        "type": ["object"],
    },
    "MessageContentImageUrlObject": {
        "properties": {
            "image_url": {
                "properties": {
                    "detail": {"enum": ["auto", "low", "high"], "type": ["string"]},
                    "url": {"type": ["string"]},
                },
                "required": ["url"],
                "type": ["object"],
            },
            "type": {"enum": ["image_url"], "type": ["string"]},
        },
        "required": ["type", "image_url"],
        "type": ["object"],
    },
    "MessagePhase": {"enum": ["commentary", "final_answer"], "type": ["string"]},
    "MessageRequestContentTextObject": {
        "properties": {
            "text": {"type": ["string"]},
            "type": {"enum": ["text"], "type": ["string"]},
        },
        "required": ["type", "text"],
        "type": ["object"],
    },
    "Metadata": {"anyOf": [{"type": ["object"]}, {"type": ["null"]}]},
    "ModelIdsCompaction": {
        "anyOf": [{"ref": "ModelIdsResponses"}, {"type": ["string"]}, {"type": ["null"]}]
    },
    "ModelIdsResponses": {
        "anyOf": [
            {"ref": "ModelIdsShared"},
            {
                "enum": [
                    "o1-pro",
                    "o1-pro-2025-03-19",
                    "o3-pro",
                    "o3-pro-2025-06-10",
                    "o3-deep-research",
                    "o3-deep-research-2025-06-26",
                    "o4-mini-deep-research",
                    "o4-mini-deep-research-2025-06-26",
                    "computer-use-preview",
                    "computer-use-preview-2025-03-11",
                    "gpt-5.5-pro",
                    "gpt-5.5-pro-2026-04-23",
                    "gpt-5-codex",
                    "gpt-5-pro",
                    "gpt-5-pro-2025-10-06",
                    "gpt-5.1-codex-max",
                    "gpt-daybreak-blue-latest",
                    "gpt-daybreak-red-latest",
                    "gpt-5.6-cyber",
                ],
                "type": ["string"],
            },
        ]
    },
    "ModelIdsShared": {"anyOf": [{"type": ["string"]}, {"type": ["string"]}]},
    "ModerationConfigParam": {
        "properties": {"mode": {"ref": "ModerationMode"}},
        "required": ["mode"],
        "type": ["object"],
    },
    "ModerationMode": {"enum": ["score", "block"], "type": ["string"]},
    "ModerationParam": {
        "properties": {
            "model": {"type": ["string"]},
            "policy": {"anyOf": [{"ref": "ModerationPolicyParam"}, {"type": ["null"]}]},
        },
        "required": ["model"],
        "type": ["object"],
    },
    "ModerationPolicyParam": {
        "properties": {
            "input": {"anyOf": [{"ref": "ModerationConfigParam"}, {"type": ["null"]}]},
            "output": {"anyOf": [{"ref": "ModerationConfigParam"}, {"type": ["null"]}]},
        },
        "type": ["object"],
    },
    "ModifyAssistantRequest": {
        "closed": True,
        "properties": {
            "description": {"anyOf": [{"maxLength": 512, "type": ["string"]}, {"type": ["null"]}]},
            "instructions": {
                "anyOf": [{"maxLength": 256000, "type": ["string"]}, {"type": ["null"]}]
            },
            "metadata": {"ref": "Metadata"},
            "model": {"anyOf": [{"type": ["string"]}, {"ref": "AssistantSupportedModels"}]},
            "name": {"anyOf": [{"maxLength": 256, "type": ["string"]}, {"type": ["null"]}]},
            "reasoning_effort": {"ref": "ReasoningEffort"},
            "response_format": {
                "anyOf": [{"ref": "AssistantsApiResponseFormatOption"}, {"type": ["null"]}]
            },
            "temperature": {
                "anyOf": [{"maximum": 2, "minimum": 0, "type": ["number"]}, {"type": ["null"]}]
            },
            "tool_resources": {
                "anyOf": [
                    {
                        "properties": {
                            "code_interpreter": {
                                "properties": {
                                    "file_ids": {
                                        "items": {"type": ["string"]},
                                        "maxItems": 20,
                                        "type": ["array"],
                                    }
                                },
                                "type": ["object"],
                            },
                            "file_search": {
                                "properties": {
                                    "vector_store_ids": {
                                        "items": {"type": ["string"]},
                                        "maxItems": 1,
                                        "type": ["array"],
                                    }
                                },
                                "type": ["object"],
                            },
                        },
                        "type": ["object"],
                    },
                    {"type": ["null"]},
                ]
            },
            "tools": {
                "items": {
                    "anyOf": [
                        {"ref": "AssistantToolsCode"},
                        {"ref": "AssistantToolsFileSearch"},
                        {"ref": "AssistantToolsFunction"},
                    ]
                },
                "maxItems": 128,
                "type": ["array"],
            },
            "top_p": {
                "anyOf": [{"maximum": 1, "minimum": 0, "type": ["number"]}, {"type": ["null"]}]
            },
        },
        "type": ["object"],
    },
    "ModifyCertificateRequest": {"properties": {"name": {"type": ["string"]}}, "type": ["object"]},
    "ModifyMessageRequest": {
        "closed": True,
        "properties": {"metadata": {"ref": "Metadata"}},
        "type": ["object"],
    },
    "ModifyRunRequest": {
        "closed": True,
        "properties": {"metadata": {"ref": "Metadata"}},
        "type": ["object"],
    },
    "ModifyThreadRequest": {
        "closed": True,
        "properties": {
            "metadata": {"ref": "Metadata"},
            "tool_resources": {
                "anyOf": [
                    {
                        "properties": {
                            "code_interpreter": {
                                "properties": {
                                    "file_ids": {
                                        "items": {"type": ["string"]},
                                        "maxItems": 20,
                                        "type": ["array"],
                                    }
                                },
                                "type": ["object"],
                            },
                            "file_search": {
                                "properties": {
                                    "vector_store_ids": {
                                        "items": {"type": ["string"]},
                                        "maxItems": 1,
                                        "type": ["array"],
                                    }
                                },
                                "type": ["object"],
                            },
                        },
                        "type": ["object"],
                    },
                    {"type": ["null"]},
                ]
            },
        },
        "type": ["object"],
    },
    "MoveParam": {
        "properties": {
            "keys": {
                "anyOf": [{"items": {"type": ["string"]}, "type": ["array"]}, {"type": ["null"]}]
            },
            "type": {"enum": ["move"], "type": ["string"]},
            "x": {"type": ["integer"]},
            "y": {"type": ["integer"]},
        },
        "required": ["type", "x", "y"],
        "type": ["object"],
    },
    "NamespaceToolParam": {
        "properties": {
            "description": {"type": ["string"]},
            "name": {"type": ["string"]},
            "tools": {
                "items": {"anyOf": [{"ref": "FunctionToolParam"}, {"ref": "CustomToolParam"}]},
                "minItems": 1,
                "type": ["array"],
            },
            "type": {"enum": ["namespace"], "type": ["string"]},
        },
        "required": ["type", "name", "description", "tools"],
        "type": ["object"],
    },
    "NoiseReductionType": {"enum": ["near_field", "far_field"], "type": ["string"]},
    "OutputMessage": {
        "properties": {
            "content": {"items": {"ref": "OutputMessageContent"}, "type": ["array"]},
            "id": {"type": ["string"]},
            "phase": {"anyOf": [{"ref": "MessagePhase"}, {"type": ["null"]}]},
            "role": {"enum": ["assistant"], "type": ["string"]},
            "status": {"enum": ["in_progress", "completed", "incomplete"], "type": ["string"]},
            "type": {"enum": ["message"], "type": ["string"]},
        },
        "required": ["id", "type", "role", "content", "status"],
        "type": ["object"],
    },
    "OutputMessageContent": {"anyOf": [{"ref": "OutputTextContent"}, {"ref": "RefusalContent"}]},
    "OutputTextContent": {
        "properties": {
            "annotations": {"items": {"ref": "Annotation"}, "type": ["array"]},
            "logprobs": {"items": {"ref": "LogProb"}, "type": ["array"]},
            "text": {"type": ["string"]},
            "type": {"enum": ["output_text"], "type": ["string"]},
        },
        "required": ["type", "text", "annotations", "logprobs"],
        "type": ["object"],
    },
    "ParallelToolCalls": {"type": ["boolean"]},
    "PartialImages": {
        "anyOf": [{"maximum": 3, "minimum": 0, "type": ["integer"]}, {"type": ["null"]}]
    },
    "PersonalityEnum": {
        "anyOf": [{"type": ["string"]}, {"enum": ["friendly", "pragmatic"], "type": ["string"]}]
    },
    "PredictionContent": {
        "properties": {
            "content": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "items": {"ref": "ChatCompletionRequestMessageContentPartText"},
                        "minItems": 1,
                        "type": ["array"],
                    },
                ]
            },
            "type": {"enum": ["content"], "type": ["string"]},
        },
        "required": ["type", "content"],
        "type": ["object"],
    },
    "ProgramItemParam": {
        "properties": {
            "call_id": {"maxLength": 64, "type": ["string"]},
            "code": {"maxLength": 10485760, "type": ["string"]},
            "fingerprint": {"maxLength": 10485760, "type": ["string"]},
            "id": {"type": ["string"]},
            "type": {"enum": ["program"], "type": ["string"]},
        },
        "required": ["id", "type", "call_id", "code", "fingerprint"],
        "type": ["object"],
    },
    "ProgramOutputItemParam": {
        "properties": {
            "call_id": {"maxLength": 64, "type": ["string"]},
            "id": {"type": ["string"]},
            "result": {"maxLength": 10485760, "type": ["string"]},
            "status": {"ref": "ProgramOutputItemStatus"},
            "type": {"enum": ["program_output"], "type": ["string"]},
        },
        "required": ["id", "type", "call_id", "result", "status"],
        "type": ["object"],
    },
    "ProgramOutputItemStatus": {"enum": ["completed", "incomplete"], "type": ["string"]},
    "ProgramToolCallCaller": {
        "properties": {
            "caller_id": {"type": ["string"]},
            "type": {"enum": ["program"], "type": ["string"]},
        },
        "required": ["type", "caller_id"],
        "type": ["object"],
    },
    "ProgramToolCallCallerParam": {
        "properties": {
            "caller_id": {"maxLength": 64, "type": ["string"]},
            "type": {"enum": ["program"], "type": ["string"]},
        },
        "required": ["type", "caller_id"],
        "type": ["object"],
    },
    "ProgrammaticToolCallingParam": {
        "properties": {"type": {"enum": ["programmatic_tool_calling"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "ProjectCreateRequest": {
        "properties": {
            "external_key_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "name": {"type": ["string"]},
            "residency": {"anyOf": [{"ref": "PublicProjectResidency"}, {"type": ["null"]}]},
        },
        "required": ["name"],
        "type": ["object"],
    },
    "ProjectHostedToolPermissionsUpdateRequest": {
        "properties": {
            "code_interpreter": {
                "anyOf": [{"ref": "HostedToolPermissionUpdate"}, {"type": ["null"]}]
            },
            "file_search": {"anyOf": [{"ref": "HostedToolPermissionUpdate"}, {"type": ["null"]}]},
            "image_generation": {
                "anyOf": [{"ref": "HostedToolPermissionUpdate"}, {"type": ["null"]}]
            },
            "mcp": {"anyOf": [{"ref": "HostedToolPermissionUpdate"}, {"type": ["null"]}]},
            "web_search": {"anyOf": [{"ref": "HostedToolPermissionUpdate"}, {"type": ["null"]}]},
        },
        "type": ["object"],
    },
    "ProjectModelPermissionsUpdateRequest": {
        "properties": {
            "mode": {"enum": ["allow_list", "deny_list"], "type": ["string"]},
            "model_ids": {"items": {"type": ["string"]}, "type": ["array"]},
        },
        "required": ["mode", "model_ids"],
        "type": ["object"],
    },
    "ProjectRateLimitUpdateRequest": {
        "properties": {
            "batch_1_day_max_input_tokens": {"type": ["integer"]},
            "max_audio_megabytes_per_1_minute": {"type": ["integer"]},
            "max_images_per_1_minute": {"type": ["integer"]},
            "max_requests_per_1_day": {"type": ["integer"]},
            "max_requests_per_1_minute": {"type": ["integer"]},
            "max_tokens_per_1_minute": {"type": ["integer"]},
        },
        "type": ["object"],
    },
    "ProjectServiceAccountCreateRequest": {
        "properties": {
            "create_service_account_only": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "name": {"type": ["string"]},
        },
        "required": ["name"],
        "type": ["object"],
    },
    "ProjectUpdateRequest": {
        "properties": {
            "external_key_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "name": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
        },
        "type": ["object"],
    },
    "ProjectUserCreateRequest": {
        "properties": {
            "email": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "role": {"type": ["string"]},
            "user_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
        },
        "required": ["role"],
        "type": ["object"],
    },
    "ProjectUserUpdateRequest": {
        "properties": {"role": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]}},
        "type": ["object"],
    },
    "Prompt": {
        "anyOf": [
            {
                "properties": {
                    "id": {"type": ["string"]},
                    "variables": {"ref": "ResponsePromptVariables"},
                    "version": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
                },
                "required": ["id"],
                "type": ["object"],
            },
            {"type": ["null"]},
        ]
    },
    "PromptCacheBreakpointConfig": {
        "properties": {"mode": {"enum": ["explicit"], "type": ["string"]}},
        "required": ["mode"],
        "type": ["object"],
    },
    "PromptCacheBreakpointParam": {
        "properties": {"mode": {"enum": ["explicit"], "type": ["string"]}},
        "required": ["mode"],
        "type": ["object"],
    },
    "PromptCacheModeEnum": {"enum": ["implicit", "explicit"], "type": ["string"]},
    "PromptCacheOptionsParam": {
        "properties": {
            "mode": {"ref": "PromptCacheModeEnum"},
            "ttl": {"ref": "PromptCacheTTLEnum"},
        },
        "type": ["object"],
    },
    "PromptCacheRetentionEnum": {"enum": ["in_memory", "24h"], "type": ["string"]},
    "PromptCacheTTLEnum": {"enum": ["30m"], "type": ["string"]},
    "PublicAssignOrganizationGroupRoleBody": {
        "properties": {"role_id": {"type": ["string"]}},
        "required": ["role_id"],
        "type": ["object"],
    },
    "PublicCreateOrganizationRoleBody": {
        "properties": {
            "description": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "permissions": {"items": {"type": ["string"]}, "type": ["array"]},
            "role_name": {"type": ["string"]},
        },
        "required": ["role_name", "permissions"],
        "type": ["object"],
    },
    "PublicProjectResidency": {
        "enum": [
            "GLOBAL",
            "US_STORAGE_PROCESSING",
            "EU_STORAGE_PROCESSING",
            "JP_STORAGE",
            "KR_STORAGE",
            "CA_STORAGE",
            "SG_STORAGE",
            "IN_STORAGE",
            "AU_STORAGE",
            "GB_STORAGE",
            "AE_STORAGE",
            "AE_STORAGE_PROCESSING",
        ],
        "type": ["string"],
    },
    "PublicUpdateOrganizationRoleBody": {
        "properties": {
            "description": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "permissions": {
                "anyOf": [{"items": {"type": ["string"]}, "type": ["array"]}, {"type": ["null"]}]
            },
            "role_name": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
        },
        "type": ["object"],
    },
    "RankerVersionType": {"enum": ["auto", "default-2024-11-15"], "type": ["string"]},
    "RankingOptions": {
        "properties": {
            "hybrid_search": {"ref": "HybridSearchOptions"},
            "ranker": {"ref": "RankerVersionType"},
            "score_threshold": {"type": ["number"]},
        },
        "type": ["object"],
    },
    "RateLimitsParam": {
        "properties": {"max_requests_per_1_minute": {"minimum": 1, "type": ["integer"]}},
        "type": ["object"],
    },
    "RealtimeAudioFormats": {
        "anyOf": [
            {
                "properties": {
                    "rate": {"enum": [24000], "type": ["integer"]},
                    "type": {"enum": ["audio/pcm"], "type": ["string"]},
                },
                "type": ["object"],
            },
            {
                "properties": {"type": {"enum": ["audio/pcmu"], "type": ["string"]}},
                "type": ["object"],
            },
            {
                "properties": {"type": {"enum": ["audio/pcma"], "type": ["string"]}},
                "type": ["object"],
            },
        ]
    },
    "RealtimeCallReferRequest": {
        "closed": True,
        "properties": {"target_uri": {"type": ["string"]}},
        "required": ["target_uri"],
        "type": ["object"],
    },
    "RealtimeCallRejectRequest": {
        "closed": True,
        "properties": {"status_code": {"type": ["integer"]}},
        "type": ["object"],
    },
    "RealtimeCreateClientSecretRequest": {
        "properties": {
            "expires_after": {
                "properties": {
                    "anchor": {"enum": ["created_at"], "type": ["string"]},
                    "seconds": {"maximum": 7200, "minimum": 10, "type": ["integer"]},
                },
                "type": ["object"],
            },
            "session": {
                "anyOf": [
                    {"ref": "RealtimeSessionCreateRequestGA"},
                    {"ref": "RealtimeTranscriptionSessionCreateRequestGA"},
                ]
            },
        },
        "type": ["object"],
    },
    "RealtimeFunctionTool": {
        "properties": {
            "description": {"type": ["string"]},
            "name": {"type": ["string"]},
            "parameters": {"type": ["object"]},
            "type": {"enum": ["function"], "type": ["string"]},
        },
        "type": ["object"],
    },
    "RealtimeReasoning": {
        "properties": {"effort": {"ref": "RealtimeReasoningEffort"}},
        "type": ["object"],
    },
    "RealtimeReasoningEffort": {
        "enum": ["minimal", "low", "medium", "high", "xhigh"],
        "type": ["string"],
    },
    "RealtimeSessionCreateRequest": {
        "properties": {
            "client_secret": {
                "properties": {"expires_at": {"type": ["integer"]}, "value": {"type": ["string"]}},
                "required": ["value", "expires_at"],
                "type": ["object"],
            },
            "input_audio_format": {"type": ["string"]},
            "input_audio_transcription": {
                "properties": {"model": {"type": ["string"]}},
                "type": ["object"],
            },
            "instructions": {"type": ["string"]},
            "max_response_output_tokens": {
                "anyOf": [{"type": ["integer"]}, {"enum": ["inf"], "type": ["string"]}]
            },
            "modalities": {"items": {"enum": ["text", "audio"], "type": ["string"]}},
            "output_audio_format": {"type": ["string"]},
            "prompt": {"ref": "Prompt"},
            "speed": {"maximum": 1.5, "minimum": 0.25, "type": ["number"]},
            "temperature": {"type": ["number"]},
            "tool_choice": {"type": ["string"]},
            "tools": {
                "items": {
                    "properties": {
                        "description": {"type": ["string"]},
                        "name": {"type": ["string"]},
                        "parameters": {"type": ["object"]},
                        "type": {"enum": ["function"], "type": ["string"]},
                    },
                    "type": ["object"],
                },
                "type": ["array"],
            },
            "tracing": {
                "anyOf": [
                    {"enum": ["auto"], "type": ["string"]},
                    {
                        "properties": {
                            "group_id": {"type": ["string"]},
                            "metadata": {"type": ["object"]},
                            "workflow_name": {"type": ["string"]},
                        },
                        "type": ["object"],
                    },
                ]
            },
            "truncation": {"ref": "RealtimeTruncation"},
            "turn_detection": {
                "properties": {
                    "prefix_padding_ms": {"type": ["integer"]},
                    "silence_duration_ms": {"type": ["integer"]},
                    "threshold": {"type": ["number"]},
                    "type": {"type": ["string"]},
                },
                "type": ["object"],
            },
            "voice": {"ref": "VoiceIdsOrCustomVoice"},
        },
        "required": ["client_secret"],
        "type": ["object"],
    },
    "RealtimeSessionCreateRequestGA": {
        "properties": {
            "audio": {
                "properties": {
                    "input": {
                        "properties": {
                            "format": {"ref": "RealtimeAudioFormats"},
                            "noise_reduction": {
                                "properties": {"type": {"ref": "NoiseReductionType"}},
                                "type": ["object"],
                            },
                            "transcription": {"ref": "AudioTranscription"},
                            "turn_detection": {"ref": "RealtimeTurnDetection"},
                        },
                        "type": ["object"],
                    },
                    "output": {
                        "properties": {
                            "format": {"ref": "RealtimeAudioFormats"},
                            "speed": {"maximum": 1.5, "minimum": 0.25, "type": ["number"]},
                            "voice": {"ref": "VoiceIdsOrCustomVoice"},
                        },
                        "type": ["object"],
                    },
                },
                "type": ["object"],
            },
            "include": {
                "items": {"enum": ["item.input_audio_transcription.logprobs"], "type": ["string"]},
                "type": ["array"],
            },
            "instructions": {"type": ["string"]},
            "max_output_tokens": {
                "anyOf": [{"type": ["integer"]}, {"enum": ["inf"], "type": ["string"]}]
            },
            "model": {
                "anyOf": [
                    {"type": ["string"]},
                    {
                        "enum": [
                            "gpt-realtime",
                            "gpt-realtime-1.5",
                            "gpt-realtime-2",
                            "gpt-realtime-2.1",
                            "gpt-realtime-2.1-mini",
                            "gpt-realtime-2025-08-28",
                            "gpt-4o-realtime-preview",
                            "gpt-4o-realtime-preview-2024-10-01",
                            "gpt-4o-realtime-preview-2024-12-17",
                            "gpt-4o-realtime-preview-2025-06-03",
                            "gpt-4o-mini-realtime-preview",
                            "gpt-4o-mini-realtime-preview-2024-12-17",
                            "gpt-realtime-mini",
                            "gpt-realtime-mini-2025-10-06",
                            "gpt-realtime-mini-2025-12-15",
                            "gpt-audio-1.5",
                            "gpt-audio-mini",
                            "gpt-audio-mini-2025-10-06",
                            "gpt-audio-mini-2025-12-15",
                        ],
                        "type": ["string"],
                    },
                ]
            },
            "output_modalities": {
                "items": {"enum": ["text", "audio"], "type": ["string"]},
                "type": ["array"],
            },
            "parallel_tool_calls": {"type": ["boolean"]},
            "prompt": {"ref": "Prompt"},
            "reasoning": {"ref": "RealtimeReasoning"},
            "tool_choice": {
                "anyOf": [
                    {"ref": "ToolChoiceOptions"},
                    {"ref": "ToolChoiceFunction"},
                    {"ref": "ToolChoiceMCP"},
                ]
            },
            "tools": {
                "items": {"anyOf": [{"ref": "RealtimeFunctionTool"}, {"ref": "MCPTool"}]},
                "type": ["array"],
            },
            "tracing": {
                "anyOf": [
                    {"enum": ["auto"], "type": ["string"]},
                    {
                        "properties": {
                            "group_id": {"type": ["string"]},
                            "metadata": {"type": ["object"]},
                            "workflow_name": {"type": ["string"]},
                        },
                        "type": ["object"],
                    },
                ]
            },
            "truncation": {"ref": "RealtimeTruncation"},
            "type": {"enum": ["realtime"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "RealtimeTranscriptionSessionCreateRequest": {
        "properties": {
            "include": {
                "items": {"enum": ["item.input_audio_transcription.logprobs"], "type": ["string"]},
                "type": ["array"],
            },
            "input_audio_format": {"enum": ["pcm16", "g711_ulaw", "g711_alaw"], "type": ["string"]},
            "input_audio_noise_reduction": {
                "properties": {"type": {"ref": "NoiseReductionType"}},
                "type": ["object"],
            },
            "input_audio_transcription": {"ref": "AudioTranscription"},
            "turn_detection": {
                "properties": {
                    "prefix_padding_ms": {"type": ["integer"]},
                    "silence_duration_ms": {"type": ["integer"]},
                    "threshold": {"type": ["number"]},
                    "type": {"enum": ["server_vad"], "type": ["string"]},
                },
                "type": ["object"],
            },
        },
        "type": ["object"],
    },
    "RealtimeTranscriptionSessionCreateRequestGA": {
        "properties": {
            "audio": {
                "properties": {
                    "input": {
                        "properties": {
                            "format": {"ref": "RealtimeAudioFormats"},
                            "noise_reduction": {
                                "properties": {"type": {"ref": "NoiseReductionType"}},
                                "type": ["object"],
                            },
                            "transcription": {"ref": "AudioTranscription"},
                            "turn_detection": {"ref": "RealtimeTurnDetection"},
                        },
                        "type": ["object"],
                    }
                },
                "type": ["object"],
            },
            "include": {
                "items": {"enum": ["item.input_audio_transcription.logprobs"], "type": ["string"]},
                "type": ["array"],
            },
            "type": {"enum": ["transcription"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "RealtimeTranslationClientSecretCreateRequest": {
        "properties": {
            "expires_after": {
                "properties": {
                    "anchor": {"enum": ["created_at"], "type": ["string"]},
                    "seconds": {"maximum": 7200, "minimum": 10, "type": ["integer"]},
                },
                "type": ["object"],
            },
            "session": {"ref": "RealtimeTranslationSessionCreateRequest"},
        },
        "required": ["session"],
        "type": ["object"],
    },
    "RealtimeTranslationSessionCreateRequest": {
        "properties": {
            "audio": {
                "properties": {
                    "input": {
                        "properties": {
                            "noise_reduction": {
                                "anyOf": [
                                    {
                                        "properties": {"type": {"ref": "NoiseReductionType"}},
                                        "required": ["type"],
                                        "type": ["object"],
                                    },
                                    {"type": ["null"]},
                                ]
                            },
                            "transcription": {
                                "anyOf": [
                                    {
                                        "properties": {"model": {"type": ["string"]}},
                                        "required": ["model"],
                                        "type": ["object"],
                                    },
                                    {"type": ["null"]},
                                ]
                            },
                        },
                        "type": ["object"],
                    },
                    "output": {
                        "properties": {"language": {"type": ["string"]}},
                        "type": ["object"],
                    },
                },
                "type": ["object"],
            },
            "model": {"type": ["string"]},
        },
        "required": ["model"],
        "type": ["object"],
    },
    "RealtimeTruncation": {
        "anyOf": [
            {"enum": ["auto", "disabled"], "type": ["string"]},
            {
                "properties": {
                    "retention_ratio": {"maximum": 1, "minimum": 0, "type": ["number"]},
                    "token_limits": {
                        "properties": {"post_instructions": {"minimum": 0, "type": ["integer"]}},
                        "type": ["object"],
                    },
                    "type": {"enum": ["retention_ratio"], "type": ["string"]},
                },
                "required": ["type", "retention_ratio"],
                "type": ["object"],
            },
        ]
    },
    "RealtimeTurnDetection": {
        "anyOf": [
            {
                "anyOf": [
                    {
                        "properties": {
                            "create_response": {"type": ["boolean"]},
                            "idle_timeout_ms": {
                                "anyOf": [
                                    {"maximum": 30000, "minimum": 5000, "type": ["integer"]},
                                    {"type": ["null"]},
                                ]
                            },
                            "interrupt_response": {"type": ["boolean"]},
                            "prefix_padding_ms": {"type": ["integer"]},
                            "silence_duration_ms": {"type": ["integer"]},
                            "threshold": {"type": ["number"]},
                            "type": {"type": ["string"]},
                        },
                        "required": ["type"],
                        "type": ["object"],
                    },
                    {
                        "properties": {
                            "create_response": {"type": ["boolean"]},
                            "eagerness": {
                                "enum": ["low", "medium", "high", "auto"],
                                "type": ["string"],
                            },
                            "interrupt_response": {"type": ["boolean"]},
                            "type": {"type": ["string"]},
                        },
                        "required": ["type"],
                        "type": ["object"],
                    },
                ]
            },
            {"type": ["null"]},
        ]
    },
    "Reasoning": {
        "properties": {
            "context": {
                "anyOf": [
                    {"enum": ["auto", "current_turn", "all_turns"], "type": ["string"]},
                    {"type": ["null"]},
                ]
            },
            "effort": {"ref": "ReasoningEffort"},
            "generate_summary": {
                "anyOf": [
                    {"enum": ["auto", "concise", "detailed"], "type": ["string"]},
                    {"type": ["null"]},
                ]
            },
            "mode": {"ref": "ReasoningModeEnum"},
            "summary": {
                "anyOf": [
                    {"enum": ["auto", "concise", "detailed"], "type": ["string"]},
                    {"type": ["null"]},
                ]
            },
        },
        "type": ["object"],
    },
    "ReasoningEffort": {
        "anyOf": [
            {
                "enum": ["none", "minimal", "low", "medium", "high", "xhigh", "max"],
                "type": ["string"],
            },
            {"type": ["null"]},
        ]
    },
    "ReasoningItem": {
        "properties": {
            "content": {"items": {"ref": "ReasoningTextContent"}, "type": ["array"]},
            "encrypted_content": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "id": {"type": ["string"]},
            "status": {"enum": ["in_progress", "completed", "incomplete"], "type": ["string"]},
            "summary": {"items": {"ref": "SummaryTextContent"}, "type": ["array"]},
            "type": {"enum": ["reasoning"], "type": ["string"]},
        },
        "required": ["id", "summary", "type"],
        "type": ["object"],
    },
    "ReasoningModeEnum": {
        "anyOf": [{"type": ["string"]}, {"enum": ["standard", "pro"], "type": ["string"]}]
    },
    "ReasoningTextContent": {
        "properties": {
            "text": {"type": ["string"]},
            "type": {"enum": ["reasoning_text"], "type": ["string"]},
        },
        "required": ["type", "text"],
        "type": ["object"],
    },
    "RefusalContent": {
        "properties": {
            "refusal": {"type": ["string"]},
            "type": {"enum": ["refusal"], "type": ["string"]},
        },
        "required": ["type", "refusal"],
        "type": ["object"],
    },
    "ResponseFormatJsonObject": {
        "properties": {"type": {"enum": ["json_object"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "ResponseFormatJsonSchema": {
        "properties": {
            "json_schema": {
                "properties": {
                    "description": {"type": ["string"]},
                    "name": {"type": ["string"]},
                    "schema": {"ref": "ResponseFormatJsonSchemaSchema"},
                    "strict": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
                },
                "required": ["name"],
                "type": ["object"],
            },
            "type": {"enum": ["json_schema"], "type": ["string"]},
        },
        "required": ["type", "json_schema"],
        "type": ["object"],
    },
    "ResponseFormatJsonSchemaSchema": {"type": ["object"]},
    "ResponseFormatText": {
        "properties": {"type": {"enum": ["text"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "ResponseModalities": {
        "anyOf": [
            {"items": {"enum": ["text", "audio"], "type": ["string"]}, "type": ["array"]},
            {"type": ["null"]},
        ]
    },
    "ResponsePromptVariables": {"anyOf": [{"type": ["object"]}, {"type": ["null"]}]},
    "ResponseStreamOptions": {
        "anyOf": [
            {"properties": {"include_obfuscation": {"type": ["boolean"]}}, "type": ["object"]},
            {"type": ["null"]},
        ]
    },
    "ResponseTextParam": {
        "properties": {
            "format": {"ref": "TextResponseFormatConfiguration"},
            "verbosity": {"ref": "Verbosity"},
        },
        "type": ["object"],
    },
    "RunGraderRequest": {
        "properties": {
            "grader": {
                "anyOf": [
                    {"ref": "GraderStringCheck"},
                    {"ref": "GraderTextSimilarity"},
                    {"ref": "GraderPython"},
                    {"ref": "GraderScoreModel"},
                    {"ref": "GraderMulti"},
                ],
                "type": ["object"],
            },
            "item": {"type": ["object"]},
            "model_sample": {"type": ["string"]},
        },
        "required": ["grader", "model_sample"],
        "type": ["object"],
    },
    "ScreenshotParam": {
        "properties": {"type": {"enum": ["screenshot"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "ScrollParam": {
        "properties": {
            "keys": {
                "anyOf": [{"items": {"type": ["string"]}, "type": ["array"]}, {"type": ["null"]}]
            },
            "scroll_x": {"type": ["integer"]},
            "scroll_y": {"type": ["integer"]},
            "type": {"enum": ["scroll"], "type": ["string"]},
            "x": {"type": ["integer"]},
            "y": {"type": ["integer"]},
        },
        "required": ["type", "x", "y", "scroll_x", "scroll_y"],
        "type": ["object"],
    },
    "SearchContentType": {"enum": ["text", "image"], "type": ["string"]},
    "SearchContextSize": {"enum": ["low", "medium", "high"], "type": ["string"]},
    "ServiceTier": {
        "anyOf": [
            {"enum": ["auto", "default", "flex", "scale", "priority", "fast"], "type": ["string"]},
            {"type": ["null"]},
        ]
    },
    "ServiceTierEnum": {
        "enum": ["auto", "default", "fast", "flex", "priority"],
        "type": ["string"],
    },
    "ServiceTierResponses": {
        "anyOf": [
            {
                "enum": ["auto", "default", "flex", "scale", "priority", "fast", "ultrafast"],
                "type": ["string"],
            },
            {"type": ["null"]},
        ]
    },
    "SetDefaultSkillVersionBody": {
        "properties": {"default_version": {"type": ["string"]}},
        "required": ["default_version"],
        "type": ["object"],
    },
    "SkillReferenceParam": {
        "properties": {
            "skill_id": {"maxLength": 64, "type": ["string"]},
            "type": {"enum": ["skill_reference"], "type": ["string"]},
            "version": {"type": ["string"]},
        },
        "required": ["type", "skill_id"],
        "type": ["object"],
    },
    "SpecificApplyPatchParam": {
        "properties": {"type": {"enum": ["apply_patch"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "SpecificFunctionShellParam": {
        "properties": {"type": {"enum": ["shell"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "SpecificProgrammaticToolCallingParam": {
        "properties": {"type": {"enum": ["programmatic_tool_calling"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "SpendAlertNotificationChannel": {
        "properties": {
            "recipients": {"items": {"type": ["string"]}, "type": ["array"]},
            "subject_prefix": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "type": {"enum": ["email"], "type": ["string"]},
        },
        "required": ["type", "recipients"],
        "type": ["object"],
    },
    "StaticChunkingStrategy": {
        "closed": True,
        "properties": {
            "chunk_overlap_tokens": {"type": ["integer"]},
            "max_chunk_size_tokens": {"maximum": 4096, "minimum": 100, "type": ["integer"]},
        },
        "required": ["max_chunk_size_tokens", "chunk_overlap_tokens"],
        "type": ["object"],
    },
    "StaticChunkingStrategyRequestParam": {
        "closed": True,
        "properties": {
            "static": {"ref": "StaticChunkingStrategy"},
            "type": {"enum": ["static"], "type": ["string"]},
        },
        "required": ["type", "static"],
        "type": ["object"],
    },
    "StopConfiguration": {
        "anyOf": [
            {"type": ["string", "null"]},
            {"items": {"type": ["string"]}, "maxItems": 4, "minItems": 1, "type": ["array"]},
        ]
    },
    "SubmitToolOutputsRunRequest": {
        "closed": True,
        "properties": {
            "stream": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "tool_outputs": {
                "items": {
                    "properties": {
                        "output": {"type": ["string"]},
                        "tool_call_id": {"type": ["string"]},
                    },
                    "type": ["object"],
                },
                "type": ["array"],
            },
        },
        "required": ["tool_outputs"],
        "type": ["object"],
    },
    "SummaryTextContent": {
        "properties": {
            "text": {"type": ["string"]},
            "type": {"enum": ["summary_text"], "type": ["string"]},
        },
        "required": ["type", "text"],
        "type": ["object"],
    },
    "TextResponseFormatConfiguration": {
        "anyOf": [
            {"ref": "ResponseFormatText"},
            {"ref": "TextResponseFormatJsonSchema"},
            {"ref": "ResponseFormatJsonObject"},
        ]
    },
    "TextResponseFormatJsonSchema": {
        "properties": {
            "description": {"type": ["string"]},
            "name": {"type": ["string"]},
            "schema": {"ref": "ResponseFormatJsonSchemaSchema"},
            "strict": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "type": {"enum": ["json_schema"], "type": ["string"]},
        },
        "required": ["type", "schema", "name"],
        "type": ["object"],
    },
    "ToggleCertificatesRequest": {
        "properties": {
            "certificate_ids": {
                "items": {"type": ["string"]},
                "maxItems": 10,
                "minItems": 1,
                "type": ["array"],
            }
        },
        "required": ["certificate_ids"],
        "type": ["object"],
    },
    "TokenCountsBody": {
        "properties": {
            "conversation": {"anyOf": [{"ref": "ConversationParam"}, {"type": ["null"]}]},
            "input": {
                "anyOf": [
                    {
                        "anyOf": [
                            {"maxLength": 10485760, "type": ["string"]},
                            {"items": {"ref": "InputItem"}, "type": ["array"]},
                        ]
                    },
                    {"type": ["null"]},
                ]
            },
            "instructions": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "model": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "parallel_tool_calls": {"anyOf": [{"type": ["boolean"]}, {"type": ["null"]}]},
            "personality": {"ref": "PersonalityEnum"},
            "previous_response_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "reasoning": {"anyOf": [{"ref": "Reasoning"}, {"type": ["null"]}]},
            "text": {"anyOf": [{"ref": "ResponseTextParam"}, {"type": ["null"]}]},
            "tool_choice": {"anyOf": [{"ref": "ToolChoiceParam"}, {"type": ["null"]}]},
            "tools": {"anyOf": [{"items": {"ref": "Tool"}, "type": ["array"]}, {"type": ["null"]}]},
            "truncation": {"ref": "TruncationEnum"},
        },
        "type": ["object"],
    },
    "Tool": {
        "anyOf": [
            {"ref": "FunctionTool"},
            {"ref": "FileSearchTool"},
            {"ref": "ComputerTool"},
            {"ref": "ComputerUsePreviewTool"},
            {"ref": "WebSearchTool"},
            {"ref": "MCPTool"},
            {"ref": "CodeInterpreterTool"},
            {"ref": "ProgrammaticToolCallingParam"},
            {"ref": "ImageGenTool"},
            {"ref": "LocalShellToolParam"},
            {"ref": "FunctionShellToolParam"},
            {"ref": "CustomToolParam"},
            {"ref": "NamespaceToolParam"},
            {"ref": "ToolSearchToolParam"},
            {"ref": "WebSearchPreviewTool"},
            {"ref": "ApplyPatchToolParam"},
        ]
    },
    "ToolCallCaller": {
        "anyOf": [{"ref": "DirectToolCallCaller"}, {"ref": "ProgramToolCallCaller"}]
    },
    "ToolCallCallerParam": {
        "anyOf": [{"ref": "DirectToolCallCallerParam"}, {"ref": "ProgramToolCallCallerParam"}]
    },
    "ToolChoiceAllowed": {
        "properties": {
            "mode": {"enum": ["auto", "required"], "type": ["string"]},
            "tools": {"items": {"type": ["object"]}, "type": ["array"]},
            "type": {"enum": ["allowed_tools"], "type": ["string"]},
        },
        "required": ["type", "mode", "tools"],
        "type": ["object"],
    },
    "ToolChoiceCustom": {
        "properties": {
            "name": {"type": ["string"]},
            "type": {"enum": ["custom"], "type": ["string"]},
        },
        "required": ["type", "name"],
        "type": ["object"],
    },
    "ToolChoiceFunction": {
        "properties": {
            "name": {"type": ["string"]},
            "type": {"enum": ["function"], "type": ["string"]},
        },
        "required": ["type", "name"],
        "type": ["object"],
    },
    "ToolChoiceMCP": {
        "properties": {
            "name": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "server_label": {"type": ["string"]},
            "type": {"enum": ["mcp"], "type": ["string"]},
        },
        "required": ["type", "server_label"],
        "type": ["object"],
    },
    "ToolChoiceOptions": {"enum": ["none", "auto", "required"], "type": ["string"]},
    "ToolChoiceParam": {
        "anyOf": [
            {"ref": "ToolChoiceOptions"},
            {"ref": "ToolChoiceAllowed"},
            {"ref": "ToolChoiceTypes"},
            {"ref": "ToolChoiceFunction"},
            {"ref": "ToolChoiceMCP"},
            {"ref": "ToolChoiceCustom"},
            {"ref": "SpecificProgrammaticToolCallingParam"},
            {"ref": "SpecificApplyPatchParam"},
            {"ref": "SpecificFunctionShellParam"},
        ]
    },
    "ToolChoiceTypes": {
        "properties": {
            "type": {
                "enum": [
                    "file_search",
                    "web_search_preview",
                    "computer",
                    "computer_use_preview",
                    "computer_use",
                    "web_search_preview_2025_03_11",
                    "image_generation",
                    "code_interpreter",
                ],
                "type": ["string"],
            }
        },
        "required": ["type"],
        "type": ["object"],
    },
    "ToolSearchCallItemParam": {
        "properties": {
            "arguments": {"ref": "EmptyModelParam"},
            "call_id": {"anyOf": [{"maxLength": 64, "type": ["string"]}, {"type": ["null"]}]},
            "execution": {"ref": "ToolSearchExecutionType"},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "status": {"anyOf": [{"ref": "FunctionCallItemStatus"}, {"type": ["null"]}]},
            "type": {"enum": ["tool_search_call"], "type": ["string"]},
        },
        "required": ["type", "arguments"],
        "type": ["object"],
    },
    "ToolSearchExecutionType": {"enum": ["server", "client"], "type": ["string"]},
    "ToolSearchOutputItemParam": {
        "properties": {
            "call_id": {"anyOf": [{"maxLength": 64, "type": ["string"]}, {"type": ["null"]}]},
            "execution": {"ref": "ToolSearchExecutionType"},
            "id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "status": {"anyOf": [{"ref": "FunctionCallItemStatus"}, {"type": ["null"]}]},
            "tools": {"items": {"ref": "Tool"}, "type": ["array"]},
            "type": {"enum": ["tool_search_output"], "type": ["string"]},
        },
        "required": ["type", "tools"],
        "type": ["object"],
    },
    "ToolSearchToolParam": {
        "properties": {
            "description": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "execution": {"ref": "ToolSearchExecutionType"},
            "parameters": {"anyOf": [{"ref": "EmptyModelParam"}, {"type": ["null"]}]},
            "type": {"enum": ["tool_search"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "ToolsArray": {"items": {"ref": "Tool"}, "type": ["array"]},
    "TopLogProb": {
        "properties": {
            "bytes": {"items": {"type": ["integer"]}, "type": ["array"]},
            "logprob": {"type": ["number"]},
            "token": {"type": ["string"]},
        },
        "required": ["token", "logprob", "bytes"],
        "type": ["object"],
    },
    "TruncationEnum": {"enum": ["auto", "disabled"], "type": ["string"]},
    "TypeParam": {
        "properties": {
            "text": {"type": ["string"]},
            "type": {"enum": ["type"], "type": ["string"]},
        },
        "required": ["type", "text"],
        "type": ["object"],
    },
    "UpdateConversationBody": {
        "properties": {"metadata": {"ref": "Metadata"}},
        "required": ["metadata"],
        "type": ["object"],
    },
    "UpdateGroupBody": {
        "properties": {"name": {"maxLength": 255, "type": ["string"]}},
        "required": ["name"],
        "type": ["object"],
    },
    "UpdateOrganizationDataRetentionBody": {
        "properties": {
            "retention_type": {
                "enum": [
                    "zero_data_retention",
                    "modified_abuse_monitoring",
                    "enhanced_zero_data_retention",
                    "enhanced_modified_abuse_monitoring",
                ],
                "type": ["string"],
            }
        },
        "required": ["retention_type"],
        "type": ["object"],
    },
    "UpdateOrganizationSpendLimitBody": {
        "properties": {
            "currency": {"enum": ["USD"], "type": ["string"]},
            "interval": {"enum": ["month"], "type": ["string"]},
            "threshold_amount": {"minimum": 1, "type": ["integer"]},
        },
        "required": ["threshold_amount", "currency", "interval"],
        "type": ["object"],
    },
    "UpdateProjectDataRetentionBody": {
        "properties": {
            "retention_type": {
                "enum": [
                    "organization_default",
                    "none",
                    "zero_data_retention",
                    "modified_abuse_monitoring",
                    "enhanced_zero_data_retention",
                    "enhanced_modified_abuse_monitoring",
                ],
                "type": ["string"],
            }
        },
        "required": ["retention_type"],
        "type": ["object"],
    },
    "UpdateProjectServiceAccountBody": {
        "properties": {
            "name": {"type": ["string"]},
            "role": {"enum": ["member", "owner"], "type": ["string"]},
        },
        "type": ["object"],
    },
    "UpdateProjectSpendLimitBody": {
        "properties": {
            "currency": {"enum": ["USD"], "type": ["string"]},
            "interval": {"enum": ["month"], "type": ["string"]},
            "threshold_amount": {"minimum": 1, "type": ["integer"]},
        },
        "required": ["threshold_amount", "currency", "interval"],
        "type": ["object"],
    },
    "UpdateVectorStoreFileAttributesRequest": {
        "closed": True,
        "properties": {"attributes": {"ref": "VectorStoreFileAttributes"}},
        "required": ["attributes"],
        "type": ["object"],
    },
    "UpdateVectorStoreRequest": {
        "closed": True,
        "properties": {
            "expires_after": {
                "properties": {
                    "anchor": {"enum": ["last_active_at"], "type": ["string"]},
                    "days": {"maximum": 365, "minimum": 1, "type": ["integer"]},
                },
                "required": ["anchor", "days"],
                "type": ["object"],
            },
            "metadata": {"ref": "Metadata"},
            "name": {"type": ["string", "null"]},
        },
        "type": ["object"],
    },
    "UpdateVoiceConsentRequest": {
        "closed": True,
        "properties": {"name": {"type": ["string"]}},
        "required": ["name"],
        "type": ["object"],
    },
    "UploadCertificateRequest": {
        "properties": {"certificate": {"type": ["string"]}, "name": {"type": ["string"]}},
        "required": ["certificate"],
        "type": ["object"],
    },
    "UrlCitationBody": {
        "properties": {
            "end_index": {"type": ["integer"]},
            "start_index": {"type": ["integer"]},
            "title": {"type": ["string"]},
            "type": {"enum": ["url_citation"], "type": ["string"]},
            "url": {"type": ["string"]},
        },
        "required": ["type", "url", "start_index", "end_index", "title"],
        "type": ["object"],
    },
    "UserRoleUpdateRequest": {
        "properties": {
            "developer_persona": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "role": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "role_id": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
            "technical_level": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
        },
        "type": ["object"],
    },
    "ValidateGraderRequest": {
        "properties": {
            "grader": {
                "anyOf": [
                    {"ref": "GraderStringCheck"},
                    {"ref": "GraderTextSimilarity"},
                    {"ref": "GraderPython"},
                    {"ref": "GraderScoreModel"},
                    {"ref": "GraderMulti"},
                ],
                "type": ["object"],
            }
        },
        "required": ["grader"],
        "type": ["object"],
    },
    "VectorStoreExpirationAfter": {
        "properties": {
            "anchor": {"enum": ["last_active_at"], "type": ["string"]},
            "days": {"maximum": 365, "minimum": 1, "type": ["integer"]},
        },
        "required": ["anchor", "days"],
        "type": ["object"],
    },
    "VectorStoreFileAttributes": {"anyOf": [{"type": ["object"]}, {"type": ["null"]}]},
    "VectorStoreSearchRequest": {
        "closed": True,
        "properties": {
            "filters": {"anyOf": [{"ref": "ComparisonFilter"}, {"ref": "CompoundFilter"}]},
            "max_num_results": {"maximum": 50, "minimum": 1, "type": ["integer"]},
            "query": {
                "anyOf": [
                    {"type": ["string"]},
                    {"items": {"minItems": 1, "type": ["string"]}, "type": ["array"]},
                ]
            },
            "ranking_options": {
                "closed": True,
                "properties": {
                    "ranker": {"enum": ["none", "auto", "default-2024-11-15"], "type": ["string"]},
                    "score_threshold": {"maximum": 1, "minimum": 0, "type": ["number"]},
                },
                "type": ["object"],
            },
            "rewrite_query": {"type": ["boolean"]},
        },
        "required": ["query"],
        "type": ["object"],
    },
    "Verbosity": {
        "anyOf": [{"enum": ["low", "medium", "high"], "type": ["string"]}, {"type": ["null"]}]
    },
    "VideoModel": {
        "anyOf": [
            {"type": ["string"]},
            {
                "enum": [
                    "sora-2",
                    "sora-2-pro",
                    "sora-2-2025-10-06",
                    "sora-2-pro-2025-10-06",
                    "sora-2-2025-12-08",
                ],
                "type": ["string"],
            },
        ]
    },
    "VideoReferenceInputParam": {
        "properties": {"id": {"type": ["string"]}},
        "required": ["id"],
        "type": ["object"],
    },
    "VideoSeconds": {"enum": ["4", "8", "12"], "type": ["string"]},
    "VideoSize": {"enum": ["720x1280", "1280x720", "1024x1792", "1792x1024"], "type": ["string"]},
    "VoiceIdsOrCustomVoice": {
        "anyOf": [
            {"ref": "VoiceIdsShared"},
            {
                "closed": True,
                "properties": {"id": {"type": ["string"]}},
                "required": ["id"],
                "type": ["object"],
            },
        ]
    },
    "VoiceIdsShared": {
        "anyOf": [
            {"type": ["string"]},
            {
                "enum": [
                    "alloy",
                    "ash",
                    "ballad",
                    "coral",
                    "echo",
                    "sage",
                    "shimmer",
                    "verse",
                    "marin",
                    "cedar",
                ],
                "type": ["string"],
            },
        ]
    },
    "WaitParam": {
        "properties": {"type": {"enum": ["wait"], "type": ["string"]}},
        "required": ["type"],
        "type": ["object"],
    },
    "WebSearchActionFind": {
        "properties": {
            "pattern": {"type": ["string"]},
            "type": {"enum": ["find_in_page"], "type": ["string"]},
            "url": {"type": ["string"]},
        },
        "required": ["type", "url", "pattern"],
        "type": ["object"],
    },
    "WebSearchActionOpenPage": {
        "properties": {
            "type": {"enum": ["open_page"], "type": ["string"]},
            "url": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "WebSearchActionSearch": {
        "properties": {
            "queries": {"items": {"type": ["string"]}, "type": ["array"]},
            "query": {"type": ["string"]},
            "sources": {
                "items": {
                    "properties": {
                        "type": {"enum": ["url"], "type": ["string"]},
                        "url": {"type": ["string"]},
                    },
                    "required": ["type", "url"],
                    "type": ["object"],
                },
                "type": ["array"],
            },
            "type": {"enum": ["search"], "type": ["string"]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "WebSearchApproximateLocation": {
        "anyOf": [
            {
                "properties": {
                    "city": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
                    "country": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
                    "region": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
                    "timezone": {"anyOf": [{"type": ["string"]}, {"type": ["null"]}]},
                    "type": {"enum": ["approximate"], "type": ["string"]},
                },
                "type": ["object"],
            },
            {"type": ["null"]},
        ]
    },
    "WebSearchContextSize": {"enum": ["low", "medium", "high"], "type": ["string"]},
    "WebSearchLocation": {
        "properties": {
            "city": {"type": ["string"]},
            "country": {"type": ["string"]},
            "region": {"type": ["string"]},
            "timezone": {"type": ["string"]},
        },
        "type": ["object"],
    },
    "WebSearchPreviewTool": {
        "properties": {
            "search_content_types": {"items": {"ref": "SearchContentType"}, "type": ["array"]},
            "search_context_size": {"ref": "SearchContextSize"},
            "type": {
                "enum": ["web_search_preview", "web_search_preview_2025_03_11"],
                "type": ["string"],
            },
            "user_location": {"anyOf": [{"ref": "ApproximateLocation"}, {"type": ["null"]}]},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "WebSearchTool": {
        "properties": {
            "external_web_access": {"type": ["boolean"]},
            "filters": {
                "anyOf": [
                    {
                        "properties": {
                            "allowed_domains": {
                                "anyOf": [
                                    {"items": {"type": ["string"]}, "type": ["array"]},
                                    {"type": ["null"]},
                                ]
                            }
                        },
                        "type": ["object"],
                    },
                    {"type": ["null"]},
                ]
            },
            "search_context_size": {"enum": ["low", "medium", "high"], "type": ["string"]},
            "type": {"enum": ["web_search", "web_search_2025_08_26"], "type": ["string"]},
            "user_location": {"ref": "WebSearchApproximateLocation"},
        },
        "required": ["type"],
        "type": ["object"],
    },
    "WebSearchToolCall": {
        "properties": {
            "action": {
                "anyOf": [
                    {"ref": "WebSearchActionSearch"},
                    {"ref": "WebSearchActionOpenPage"},
                    {"ref": "WebSearchActionFind"},
                ],
                "type": ["object"],
            },
            "id": {"type": ["string"]},
            "status": {
                "enum": ["in_progress", "searching", "completed", "failed"],
                "type": ["string"],
            },
            "type": {"enum": ["web_search_call"], "type": ["string"]},
        },
        "required": ["id", "type", "status", "action"],
        "type": ["object"],
    },
    "WorkflowParam": {
        "properties": {
            "id": {"type": ["string"]},
            "state_variables": {"type": ["object"]},
            "tracing": {"ref": "WorkflowTracingParam"},
            "version": {"type": ["string"]},
        },
        "required": ["id"],
        "type": ["object"],
    },
    "WorkflowTracingParam": {"properties": {"enabled": {"type": ["boolean"]}}, "type": ["object"]},
}

#: The multipart operations (their ``model`` field is checked).
FORMS: FrozenSet[Tuple[str, str]] = frozenset(
    [
        ("POST", "/audio/transcriptions"),
        ("POST", "/audio/translations"),
        ("POST", "/audio/voice_consents"),
        ("POST", "/audio/voices"),
        ("POST", "/containers/{}/files"),
        ("POST", "/content_provenance_checks"),
        ("POST", "/files"),
        ("POST", "/images/edits"),
        ("POST", "/images/variations"),
        ("POST", "/realtime/calls"),
        ("POST", "/skills"),
        ("POST", "/skills/{}/versions"),
        ("POST", "/uploads/{}/parts"),
        ("POST", "/videos"),
        ("POST", "/videos/characters"),
        ("POST", "/videos/edits"),
        ("POST", "/videos/extensions"),
        ("POST", "/videos/{}/remix"),
    ]
)

#: Every model id the spec names.
MODELS: FrozenSet[str] = frozenset(
    [
        "babbage-002",
        "chatgpt-4o-latest",
        "chatgpt-image-latest",
        "codex-mini-latest",
        "computer-use-preview",
        "computer-use-preview-2025-03-11",
        "dall-e-2",
        "dall-e-3",
        "davinci-002",
        "gpt-3.5-turbo",
        "gpt-3.5-turbo-0125",
        "gpt-3.5-turbo-0301",
        "gpt-3.5-turbo-0613",
        "gpt-3.5-turbo-1106",
        "gpt-3.5-turbo-16k",
        "gpt-3.5-turbo-16k-0613",
        "gpt-3.5-turbo-instruct",
        "gpt-4",
        "gpt-4-0125-preview",
        "gpt-4-0314",
        "gpt-4-0613",
        "gpt-4-1106-preview",
        "gpt-4-32k",
        "gpt-4-32k-0314",
        "gpt-4-32k-0613",
        "gpt-4-turbo",
        "gpt-4-turbo-2024-04-09",
        "gpt-4-turbo-preview",
        "gpt-4-vision-preview",
        "gpt-4.1",
        "gpt-4.1-2025-04-14",
        "gpt-4.1-mini",
        "gpt-4.1-mini-2025-04-14",
        "gpt-4.1-nano",
        "gpt-4.1-nano-2025-04-14",
        "gpt-4.5-preview",
        "gpt-4.5-preview-2025-02-27",
        "gpt-4o",
        "gpt-4o-2024-05-13",
        "gpt-4o-2024-08-06",
        "gpt-4o-2024-11-20",
        "gpt-4o-audio-preview",
        "gpt-4o-audio-preview-2024-10-01",
        "gpt-4o-audio-preview-2024-12-17",
        "gpt-4o-audio-preview-2025-06-03",
        "gpt-4o-mini",
        "gpt-4o-mini-2024-07-18",
        "gpt-4o-mini-audio-preview",
        "gpt-4o-mini-audio-preview-2024-12-17",
        "gpt-4o-mini-realtime-preview",
        "gpt-4o-mini-realtime-preview-2024-12-17",
        "gpt-4o-mini-search-preview",
        "gpt-4o-mini-search-preview-2025-03-11",
        "gpt-4o-mini-transcribe",
        "gpt-4o-mini-transcribe-2025-12-15",
        "gpt-4o-mini-tts",
        "gpt-4o-mini-tts-2025-12-15",
        "gpt-4o-realtime-preview",
        "gpt-4o-realtime-preview-2024-10-01",
        "gpt-4o-realtime-preview-2024-12-17",
        "gpt-4o-realtime-preview-2025-06-03",
        "gpt-4o-search-preview",
        "gpt-4o-search-preview-2025-03-11",
        "gpt-4o-transcribe",
        "gpt-4o-transcribe-diarize",
        "gpt-5",
        "gpt-5-2025-08-07",
        "gpt-5-chat-latest",
        "gpt-5-codex",
        "gpt-5-mini",
        "gpt-5-mini-2025-08-07",
        "gpt-5-nano",
        "gpt-5-nano-2025-08-07",
        "gpt-5-pro",
        "gpt-5-pro-2025-10-06",
        "gpt-5.1",
        "gpt-5.1-2025-11-13",
        "gpt-5.1-chat-latest",
        "gpt-5.1-codex",
        "gpt-5.1-codex-max",
        "gpt-5.1-mini",
        "gpt-5.2",
        "gpt-5.2-2025-12-11",
        "gpt-5.2-chat-latest",
        "gpt-5.2-pro",
        "gpt-5.2-pro-2025-12-11",
        "gpt-5.3-chat-latest",
        "gpt-5.4",
        "gpt-5.4-mini",
        "gpt-5.4-mini-2026-03-17",
        "gpt-5.4-nano",
        "gpt-5.4-nano-2026-03-17",
        "gpt-5.5",
        "gpt-5.5-2026-04-23",
        "gpt-5.5-pro",
        "gpt-5.5-pro-2026-04-23",
        "gpt-5.6-cyber",
        "gpt-5.6-luna",
        "gpt-5.6-sol",
        "gpt-5.6-terra",
        "gpt-audio-1.5",
        "gpt-audio-mini",
        "gpt-audio-mini-2025-10-06",
        "gpt-audio-mini-2025-12-15",
        "gpt-daybreak-blue-latest",
        "gpt-daybreak-red-latest",
        "gpt-image-1",
        "gpt-image-1-mini",
        "gpt-image-1.5",
        "gpt-image-2",
        "gpt-image-2-2026-04-21",
        "gpt-live-transcribe",
        "gpt-realtime",
        "gpt-realtime-1.5",
        "gpt-realtime-2",
        "gpt-realtime-2.1",
        "gpt-realtime-2.1-mini",
        "gpt-realtime-2025-08-28",
        "gpt-realtime-mini",
        "gpt-realtime-mini-2025-10-06",
        "gpt-realtime-mini-2025-12-15",
        "gpt-realtime-whisper",
        "gpt-transcribe",
        "o1",
        "o1-2024-12-17",
        "o1-mini",
        "o1-mini-2024-09-12",
        "o1-preview",
        "o1-preview-2024-09-12",
        "o1-pro",
        "o1-pro-2025-03-19",
        "o3",
        "o3-2025-04-16",
        "o3-deep-research",
        "o3-deep-research-2025-06-26",
        "o3-mini",
        "o3-mini-2025-01-31",
        "o3-pro",
        "o3-pro-2025-06-10",
        "o4-mini",
        "o4-mini-2025-04-16",
        "o4-mini-deep-research",
        "o4-mini-deep-research-2025-06-26",
        "omni-moderation-2024-09-26",
        "omni-moderation-latest",
        "text-embedding-3-large",
        "text-embedding-3-small",
        "text-embedding-ada-002",
        "text-moderation-latest",
        "text-moderation-stable",
        "tts-1",
        "tts-1-hd",
        "whisper-1",
    ]
)
