package dev.kubelessons.cluster;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The JSON mapping every cluster client of the process shares (fabric8 makes one per client by default): one Jackson
 * mapper, so the reader of each kind is built once, and can be built before the first answer arrives.
 */
public final class ClientJson {

    // In a holder: made by the first thread that needs it, not by whoever loads this class.
    private static final class Holder {
        static final KubernetesSerialization SHARED = new KubernetesSerialization();
    }

    private ClientJson() {
    }

    static KubernetesSerialization shared() {
        return Holder.SHARED;
    }

    /**
     * Builds the readers of what a {@code --check} reads first (its namespace, discovery, objects of any kind, the
     * EndpointSlices of a Service): building them is reflection over fabric8's model, ~0.1 s on the path to the
     * verdicts when done on the first answers. A thread that would only wait for the TLS handshake does it instead.
     */
    public static void prepareReaders() {
        KubernetesSerialization json = shared();
        String meta = "\"metadata\":{\"name\":\"x\",\"namespace\":\"x\",\"labels\":{\"a\":\"b\"},\"annotations\":{\"a\":\"b\"},"
                + "\"creationTimestamp\":\"2026-01-01T00:00:00Z\",\"resourceVersion\":\"1\",\"uid\":\"u\","
                + "\"managedFields\":[{\"manager\":\"m\",\"operation\":\"Apply\",\"apiVersion\":\"v1\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{}}],"
                + "\"ownerReferences\":[{\"apiVersion\":\"v1\",\"kind\":\"K\",\"name\":\"o\",\"uid\":\"u\"}]}";
        json.unmarshal("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\"," + meta + ",\"spec\":{\"finalizers\":[\"kubernetes\"]},"
                + "\"status\":{\"phase\":\"Active\"}}", Namespace.class);
        json.unmarshal("{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"v1\",\"resources\":[{\"name\":\"services\","
                + "\"singularName\":\"service\",\"namespaced\":true,\"kind\":\"Service\",\"verbs\":[\"get\"],\"shortNames\":[\"svc\"]}]}", APIResourceList.class);
        json.unmarshal("{\"apiVersion\":\"v1\",\"kind\":\"Service\"," + meta + ",\"spec\":{\"type\":\"ClusterIP\",\"ports\":[{\"port\":80}]},"
                + "\"status\":{}}", GenericKubernetesResource.class);
        json.unmarshal("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"1\"},\"items\":[]}", GenericKubernetesResourceList.class);
        json.unmarshal("{\"apiVersion\":\"discovery.k8s.io/v1\",\"kind\":\"EndpointSliceList\",\"metadata\":{},\"items\":[{" + meta
                + ",\"addressType\":\"IPv4\",\"ports\":[{\"port\":80,\"protocol\":\"TCP\"}],\"endpoints\":[{\"addresses\":[\"10.0.0.1\"],"
                + "\"conditions\":{\"ready\":true,\"serving\":true,\"terminating\":false},\"nodeName\":\"n\",\"targetRef\":{\"kind\":\"Pod\",\"name\":\"p\"}}]}]}",
                EndpointSliceList.class);
    }
}
