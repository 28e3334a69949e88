"""The spec's request constraints per operationId, $refs inlined, prose dropped.

Written by tools/generate.py from openapi/integrations.yaml; never edit by hand.
"""

from typing import Any

SPEC_VERSION = "3.0.0"

OPERATIONS: dict[str, dict[str, Any]] = {
    "sc-public-v3-integrations-get-retrieve_integration": {
        "method": "GET",
        "path": "/integrations/{id}",
        "parameters": [
            {
                "in": "path",
                "name": "id",
                "required": True,
                "schema": {"type": "integer", "minimum": 1},
            }
        ],
        "body": None,
    },
    "sc-public-v3-integrations-delete-delete_integration": {
        "method": "DELETE",
        "path": "/integrations/{id}",
        "parameters": [
            {
                "in": "path",
                "name": "id",
                "required": True,
                "schema": {"type": "integer", "minimum": 1},
            }
        ],
        "body": None,
    },
    "sc-public-v3-integrations-patch-update_integration": {
        "method": "PATCH",
        "path": "/integrations/{id}",
        "parameters": [
            {
                "in": "path",
                "name": "id",
                "required": True,
                "schema": {"type": "integer", "minimum": 1},
            }
        ],
        "body": {
            "type": "object",
            "properties": {
                "shop_name": {"type": "string", "maxLength": 250, "minLength": 1},
                "shop_url": {"type": "string", "format": "uri", "minLength": 1},
                "service_point_enabled": {"type": "boolean"},
                "service_point_carriers": {
                    "type": "array",
                    "items": {"type": "string"},
                },
                "webhook_active": {"type": "boolean"},
                "webhook_url": {
                    "type": ["string", "null"],
                    "format": "uri",
                    "minLength": 1,
                },
                "feedback_type": {
                    "type": "string",
                    "enum": ["eager", "delayed", "none"],
                    "minLength": 1,
                },
            },
        },
    },
    "sc-public-v3-integrations-get-list_integrations": {
        "method": "GET",
        "path": "/integrations",
        "parameters": [
            {
                "in": "query",
                "name": "sort",
                "required": False,
                "schema": {"type": "string"},
            }
        ],
        "body": None,
    },
    "sc-public-v3-integrations-get-retrieve_integrations_logs": {
        "method": "GET",
        "path": "/integrations/logs",
        "parameters": [
            {
                "in": "query",
                "name": "cursor",
                "required": False,
                "schema": {"type": "string", "format": "date-time"},
            },
            {
                "in": "query",
                "name": "page_size",
                "required": False,
                "schema": {"type": "integer", "minimum": 1, "maximum": 100},
            },
        ],
        "body": None,
    },
    "sc-public-v3-integrations-get-retrieve_integration_logs": {
        "method": "GET",
        "path": "/integrations/{id}/logs",
        "parameters": [
            {
                "in": "path",
                "name": "id",
                "required": True,
                "schema": {"type": "integer"},
            },
            {
                "in": "query",
                "name": "cursor",
                "required": False,
                "schema": {"type": "string", "format": "date-time"},
            },
            {
                "in": "query",
                "name": "page_size",
                "required": False,
                "schema": {"type": "integer", "minimum": 1, "maximum": 100},
            },
        ],
        "body": None,
    },
    "sc-public-v3-integrations-post-create_integration_logs": {
        "method": "POST",
        "path": "/integrations/{id}/logs",
        "parameters": [
            {
                "in": "path",
                "name": "id",
                "required": True,
                "schema": {"type": "integer"},
            }
        ],
        "body": {
            "type": "object",
            "properties": {
                "base_url": {"type": "string", "minLength": 1},
                "full_url": {"type": ["string", "null"]},
                "method": {"type": ["string", "null"]},
                "response_code": {"type": ["integer", "null"], "minimum": 0},
                "response": {
                    "type": ["object", "null"],
                    "properties": {
                        "headers": {"type": ["object", "null"]},
                        "body": {"type": ["string", "object", "null"]},
                    },
                },
                "request": {
                    "type": ["object", "null"],
                    "properties": {
                        "headers": {"type": ["object", "string", "null"]},
                        "payload": {"type": ["object", "string", "null"]},
                    },
                },
                "created_at": {"type": ["string", "null"], "format": "date-time"},
                "exception_type": {"type": ["string", "null"]},
                "exception": {"type": ["string", "null"]},
            },
            "required": ["base_url"],
            "additionalProperties": False,
        },
    },
    "sc-public-v3-integrations-get-shop_order_statuses": {
        "method": "GET",
        "path": "/shop-order-statuses",
        "parameters": [
            {
                "in": "query",
                "name": "integration_id",
                "required": True,
                "schema": {"type": "integer"},
            },
            {
                "in": "query",
                "name": "language",
                "required": False,
                "schema": {
                    "type": "string",
                    "enum": [
                        "en-us",
                        "en-gb",
                        "fr-fr",
                        "de-de",
                        "nl-nl",
                        "es-es",
                        "it-it",
                    ],
                },
            },
            {
                "in": "query",
                "name": "show_deleted",
                "required": False,
                "schema": {"type": "boolean"},
            },
        ],
        "body": None,
    },
    "sc-public-v3-integrations-post-shop_order_statuses": {
        "method": "POST",
        "path": "/shop-order-statuses",
        "parameters": [],
        "body": {
            "type": "object",
            "required": ["integration_id", "statuses"],
            "properties": {
                "integration_id": {"type": "integer"},
                "statuses": {
                    "type": "array",
                    "uniqueItems": True,
                    "minItems": 0,
                    "items": {
                        "type": "object",
                        "required": ["external_id", "translations"],
                        "properties": {
                            "external_id": {"type": "string"},
                            "translations": {
                                "type": "array",
                                "minItems": 1,
                                "maxItems": 7,
                                "uniqueItems": True,
                                "items": {
                                    "type": "object",
                                    "required": ["status", "language"],
                                    "properties": {
                                        "status": {"type": "string"},
                                        "language": {
                                            "type": "string",
                                            "enum": [
                                                "en-us",
                                                "en-gb",
                                                "fr-fr",
                                                "de-de",
                                                "nl-nl",
                                                "es-es",
                                                "it-it",
                                            ],
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
    "sc-public-v3-integrations-get-shop_order_statuses_mapping": {
        "method": "GET",
        "path": "/shop-order-statuses/mapping",
        "parameters": [
            {
                "in": "query",
                "name": "integration_id",
                "required": True,
                "schema": {"type": "integer"},
            }
        ],
        "body": None,
    },
    "sc-public-v3-integrations-post-shop_order_statuses_mapping": {
        "method": "POST",
        "path": "/shop-order-statuses/mapping",
        "parameters": [],
        "body": {
            "type": "object",
            "required": ["integration_id", "mapping"],
            "properties": {
                "integration_id": {"type": "integer"},
                "mapping": {
                    "type": "array",
                    "minItems": 4,
                    "maxItems": 4,
                    "uniqueItems": True,
                    "items": {
                        "type": "object",
                        "required": ["status_category", "external_id"],
                        "properties": {
                            "status_category": {
                                "type": "string",
                                "enum": [
                                    "READY_TO_SEND",
                                    "IN_TRANSIT",
                                    "DELIVERED",
                                    "CANCEL",
                                ],
                            },
                            "external_id": {"type": ["string", "null"]},
                        },
                    },
                },
            },
        },
    },
}
