__version__ = "0.1.0"

# sc.SPEC_VERSION, the spec's info.version, is generated with the client
# (sendcloud_integrations_api._request_schema), so a spec update records it.
