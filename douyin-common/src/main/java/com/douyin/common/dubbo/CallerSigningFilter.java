package com.douyin.common.dubbo;

import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/** Consumer side: signs every call with the installation's {@link CallerKey}. */
@Activate(group = CommonConstants.CONSUMER)
public class CallerSigningFilter implements Filter {

    private volatile CallerKey callerKey;

    /** Set by Dubbo from the Spring context (the bean named callerKey). */
    public void setCallerKey(CallerKey callerKey) {
        this.callerKey = callerKey;
    }

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        CallerKey key = callerKey;
        if (key != null) { // without one the call goes unsigned, and our providers refuse it
            key.sign(invoker.getInterface().getName(), invocation);
        }
        return invoker.invoke(invocation);
    }
}
