package dev.kubelessons.cluster;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether an IP address lies in a CIDR range (IPv4 or IPv6), for assertions on ClusterIPs and pod IPs. */
final class Cidr {

    private Cidr() {
    }

    static boolean contains(String cidr, String ip) {
        String[] parts = cidr.split("/", 2);
        try {
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] address = InetAddress.getByName(ip).getAddress();
            if (network.length != address.length) {
                return false;
            }
            int hostBits = network.length * 8 - Integer.parseInt(parts[1]);
            return new BigInteger(1, network).shiftRight(hostBits).equals(new BigInteger(1, address).shiftRight(hostBits));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
