"""The gateway's start-up error, and where each component's own errors live.

::

    Exception
     ├── StartupError            the gateway cannot start; nothing was left running
     │    └── gateway.gmqtt_seam.GmqttSeamError   gmqtt lacks a private name the gateway uses
     ├── gateway.config.ConfigError          a config file that does not validate
     ├── gateway.state.datadir.DataDirBusy   another gateway holds the data folder
     ├── gateway.state.store.StoreError      the state file cannot be written
     ├── gateway.sources.base.SourceError    a link to a device or broker failed (retried)
     ├── gateway.model.errors.ModelError     a model package was refused
     ├── gateway.writes.ops.WriteError       a write that reached no device (answered, not raised)
     │    ├── WriteUnavailable               the source has no live link
     │    └── WriteRefused                   a value the device cannot hold
     ├── gateway.state.writelog.WriteLogError   the write audit cannot be written (nothing sent)
     ├── gateway.commands.signing.KeyProblem    the command signature key cannot be used
     ├── gateway.alerts.outbox.DeliveryQueueError   the alert delivery queue failed
     └── gateway.sinks.buffer.DurableBufferError    a sink's durable buffer failed
          └── gateway.upstream.outbox.OutboxError   the upstream outbox (one such buffer)

Each component raises its own error at its edge (``raise ... from err``); the runtime
and the web UI's factory turn the ones that make a start impossible into StartupError.
"""

from __future__ import annotations


class StartupError(Exception):
    """The gateway cannot start (port taken, bad model package...); nothing was left running."""
