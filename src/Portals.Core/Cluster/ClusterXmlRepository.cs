using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Portals.Core.Cluster;

/// <summary>The data-protection key ring in the cluster database: an admin cookie issued by one node opens on every node.</summary>
public sealed class ClusterXmlRepository(ClusterDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. database.ReadDataProtectionKeys().Select(xml => XElement.Parse(xml))];

    public void StoreElement(XElement element, string friendlyName) =>
        database.StoreDataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
