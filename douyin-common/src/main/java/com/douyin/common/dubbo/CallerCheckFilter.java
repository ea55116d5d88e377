package com.douyin.common.dubbo;

import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcContext;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provider side: a call to one of our services ({@code com.douyin.*}) runs only with a valid
 * signature of the installation's {@link CallerKey}; anything else is refused before any other
 * filter or the service sees it. Dubbo's own services (the metadata a consumer reads to find ours)
 * stay open: they hold no data of ours.
 */
@Activate(group = CommonConstants.PROVIDER, order = Integer.MIN_VALUE)
public class CallerCheckFilter implements Filter {

    private static final Logger log = LoggerFactory.getLogger(CallerCheckFilter.class);
    private static final String OUR_SERVICES = "com.douyin.";

    private volatile CallerKey callerKey;

    /** Set by Dubbo from the Spring context (the bean named callerKey). */
    public void setCallerKey(CallerKey callerKey) {
        this.callerKey = callerKey;
    }

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        String service = invoker.getInterface().getName();
        if (service.startsWith(OUR_SERVICES)) {
            CallerKey key = callerKey;
            if (key == null || !key.signed(service, invocation)) {
                String caller = RpcContext.getServiceContext().getRemoteAddressString();
                log.warn("refused an unsigned call of {}.{} from {}", service, invocation.getMethodName(), caller);
                throw new RpcException(RpcException.FORBIDDEN_EXCEPTION,
                        "call refused: not signed by a service of this installation (douyin.rpc.caller-secret)");
            }
        }
        return invoker.invoke(invocation);
    }
}
