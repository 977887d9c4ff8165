using System.Net;

namespace TripleGain.Silo.Hosting;

/// <summary>The Orleans identity and endpoints of this silo (configuration section <c>Orleans</c>).</summary>
/// <param name="ClusterId">Silos with the same cluster id and storage form one cluster.</param>
/// <param name="ServiceId">Names the service whose grain state and reminders this is; keep it stable across deployments.</param>
/// <param name="AdvertisedAddress">The address other silos reach this one at (PostgreSQL clustering).</param>
/// <param name="SiloPort">Silo-to-silo port.</param>
/// <param name="GatewayPort">Client gateway port.</param>
/// <param name="ProbeTimeout">
/// The initial liveness probe timeout between silos (<c>Orleans:ProbeTimeoutSeconds</c>); null keeps Orleans' default
/// (5 s). Shorter declares a dead silo dead sooner, so another silo takes its grains and reminders over sooner.
/// </param>
/// <param name="MissedProbesLimit">Missed probes before a silo is suspected (<c>Orleans:MissedProbesLimit</c>); null keeps Orleans' default (3).</param>
public sealed record ClusterSettings(
    string ClusterId, string ServiceId, IPAddress AdvertisedAddress, int SiloPort, int GatewayPort,
    TimeSpan? ProbeTimeout = null, int? MissedProbesLimit = null);
