package fetch

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// ErrPrivateAddress is returned (wrapped) when a connection would reach a
// non-public address and Options.AllowPrivate is false.
var ErrPrivateAddress = errors.New("refusing to connect to a non-public address")

// blockedPrefixes are special-purpose ranges not covered by netip's
// IsPrivate/IsLoopback/… predicates.
var blockedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // TEST-NET-1
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // TEST-NET-2
	netip.MustParsePrefix("203.0.113.0/24"),  // TEST-NET-3
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, broadcast
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64
	netip.MustParsePrefix("100::/64"),        // discard-only
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
}

var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// IsPublic reports whether ip is an ordinary public unicast address.
// IPv4-mapped and NAT64-embedded IPv4 addresses are judged by their IPv4
// part.
func IsPublic(ip netip.Addr) bool {
	ip = ip.Unmap()
	if nat64.Contains(ip) {
		b := ip.As16()
		return IsPublic(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
	}
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return false
	}
	for _, p := range blockedPrefixes {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// control is the net.Dialer Control hook: it runs after DNS resolution for
// every connection attempt, redirects included, and refuses non-public
// addresses unless allowed.
func (c *Client) control(network, address string, _ syscall.RawConn) error {
	if c.opts.AllowPrivate || c.allowAddr[address] {
		return nil
	}
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("%w: bad address %q", ErrPrivateAddress, address)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%w: unparsable address %q", ErrPrivateAddress, host)
	}
	if !IsPublic(ip) {
		return fmt.Errorf("%w %s (--allow-private permits it)", ErrPrivateAddress, ip)
	}
	return nil
}
